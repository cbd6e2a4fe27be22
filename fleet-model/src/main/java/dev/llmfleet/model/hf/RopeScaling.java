package dev.llmfleet.model.hf;

/**
 * Rotary position embedding settings: the base {@code theta} and how frequencies are rescaled for
 * longer contexts. Implemented: {@code default} (none), {@code linear} and {@code llama3}; other
 * types (yarn, dynamic, longrope) are refused when the config is read.
 */
public record RopeScaling(
        double theta,
        String type,
        double factor,
        double lowFreqFactor,
        double highFreqFactor,
        int originalMaxPositions) {

    public static final String DEFAULT = "default";
    public static final String LINEAR = "linear";
    public static final String LLAMA3 = "llama3";

    public static RopeScaling none(double theta) {
        return new RopeScaling(theta, DEFAULT, 1, 0, 0, 0);
    }

    /**
     * The inverse frequency of each pair of dimensions, computed as transformers does: in float
     * arithmetic, then rescaled by the type's rule.
     */
    public float[] inverseFrequencies(int headDim) {
        float[] inverse = new float[headDim / 2];
        for (int i = 0; i < inverse.length; i++) {
            float exponent = (float) (2 * i) / headDim;
            inverse[i] = (float) (1.0 / (float) Math.pow((float) theta, exponent));
        }
        return switch (type) {
            case LINEAR -> scaleAll(inverse);
            case LLAMA3 -> llama3(inverse);
            default -> inverse;
        };
    }

    private float[] scaleAll(float[] inverse) {
        for (int i = 0; i < inverse.length; i++) {
            inverse[i] = inverse[i] / (float) factor;
        }
        return inverse;
    }

    /** Llama 3.1's rule: long wavelengths slowed by {@code factor}, short ones kept, the band between blended. */
    private float[] llama3(float[] inverse) {
        float lowFreqWavelength = (float) (originalMaxPositions / lowFreqFactor);
        float highFreqWavelength = (float) (originalMaxPositions / highFreqFactor);
        float[] scaled = new float[inverse.length];
        for (int i = 0; i < inverse.length; i++) {
            float wavelength = (float) (2 * Math.PI) / inverse[i];
            float slowed = wavelength > lowFreqWavelength ? inverse[i] / (float) factor : inverse[i];
            boolean medium = !(wavelength < highFreqWavelength) && !(wavelength > lowFreqWavelength);
            if (medium) {
                float smooth = (float)
                        ((originalMaxPositions / wavelength - lowFreqFactor) / (highFreqFactor - lowFreqFactor));
                slowed = (1 - smooth) * slowed / (float) factor + smooth * slowed;
            }
            scaled[i] = slowed;
        }
        return scaled;
    }
}
