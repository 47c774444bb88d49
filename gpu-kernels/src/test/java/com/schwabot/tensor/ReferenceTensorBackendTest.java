package com.schwabot.tensor;

/**
 * The contract run against the reference itself: its known-value tests check the oracle.
 */
class ReferenceTensorBackendTest extends TensorBackendContractTest
{
    @Override
    TensorBackend createBackend(final TensorCapacity capacity)
    {
        return new ReferenceTensorBackend();
    }
}
