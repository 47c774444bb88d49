package com.schwabot.tensor.cache;

/**
 * The sizes of the three tensor caches (supplied by the configuration).
 *
 * @param maxStrategies       the most strategies/variants with weights.
 * @param weightVectorLength  floats per strategy: the flattened weights and bias, F * K + K.
 * @param maxInstruments      the most instruments with features or signals.
 * @param featureVectorLength floats per instrument in the feature cache, F.
 * @param signalVectorLength  floats per instrument in the signal cache.
 */
public record CacheSizes(
    long maxStrategies, int weightVectorLength, long maxInstruments, int featureVectorLength, int signalVectorLength)
{
    /**
     * Validates every size once.
     *
     * @param maxStrategies       the most strategies/variants with weights.
     * @param weightVectorLength  floats per strategy: the flattened weights and bias, F * K + K.
     * @param maxInstruments      the most instruments with features or signals.
     * @param featureVectorLength floats per instrument in the feature cache, F.
     * @param signalVectorLength  floats per instrument in the signal cache.
     */
    public CacheSizes
    {
        if (maxStrategies <= 0 || weightVectorLength <= 0 || maxInstruments <= 0 || featureVectorLength <= 0 ||
            signalVectorLength <= 0)
        {
            throw new IllegalArgumentException("cache sizes must be positive: " + maxStrategies + ", " +
                weightVectorLength + ", " + maxInstruments + ", " + featureVectorLength + ", " + signalVectorLength);
        }
    }
}
