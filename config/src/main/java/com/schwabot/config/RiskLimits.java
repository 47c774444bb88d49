package com.schwabot.config;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * risk_limits.yaml: the quote currency, the three risk profiles and the active one.
 *
 * @param quoteCurrency currency of every notional and loss amount.
 * @param activeProfile the profile the risk gate enforces.
 * @param profiles      every profile by name.
 */
public record RiskLimits(
    String quoteCurrency, RiskProfileName activeProfile, Map<RiskProfileName, RiskProfile> profiles)
{
    /**
     * @return the profile the risk gate enforces.
     */
    public RiskProfile active()
    {
        return profiles.get(activeProfile);
    }

    static RiskLimits read(final Section s)
    {
        final String currency = s.matching("quote_currency", "[A-Z]{2,10}", "2 to 10 upper-case letters");
        final RiskProfileName active = s.enumValue("active_profile", RiskProfileName.class);
        final Section profilesSection = s.section("profiles");
        final Map<RiskProfileName, RiskProfile> profiles = new EnumMap<>(RiskProfileName.class);
        for (final RiskProfileName name : RiskProfileName.values())
        {
            profiles.put(name, RiskProfile.read(profilesSection.section(name.label())));
        }
        profilesSection.finish();
        s.finish();
        return new RiskLimits(currency, active, Collections.unmodifiableMap(profiles));
    }
}
