package cn.parkflow.conversion;

import org.springframework.stereotype.Component;

/** The settings a model reads in expressions ({@code ${conversionSettings.revenueThreshold()}}). */
@Component("conversionSettings")
public class ConversionSettings {

    private final ConversionProperties properties;

    ConversionSettings(ConversionProperties properties) {
        this.properties = properties;
    }

    /** The graduation DMN's revenue threshold, 万元, read when the project closes. */
    public double revenueThreshold() {
        return properties.graduationRevenueThreshold();
    }
}
