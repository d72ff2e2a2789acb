package io.hedgedesk.pricing.proxy;

/**
 * First and second moments of paired observations {@code (x, y)} under a {@link Weighting}, in one pass with the
 * weighted form of Welford's update (West, 1979), which avoids the cancellation of the textbook
 * {@code Σx² − n·x̄²} formula. Observations are visited newest first so the first weight is 1.
 */
record WeightedMoments(int count, double meanX, double meanY, double varianceX, double varianceY, double covariance) {

    static WeightedMoments of(double[] x, double[] y, Weighting weighting) {
        int n = x.length;
        double decay = weighting instanceof Weighting.Ewma ewma ? ewma.lambda() : 1.0;
        double weight = 1.0;
        double totalWeight = 0;
        double meanX = 0;
        double meanY = 0;
        double m2x = 0;
        double m2y = 0;
        double cxy = 0;
        for (int i = n - 1; i >= 0; i--) {
            totalWeight += weight;
            double dx = x[i] - meanX;
            double dy = y[i] - meanY;
            meanX += dx * weight / totalWeight;
            meanY += dy * weight / totalWeight;
            m2x += weight * dx * (x[i] - meanX);
            m2y += weight * dy * (y[i] - meanY);
            cxy += weight * dx * (y[i] - meanY);
            weight *= decay;
        }
        double divisor = weighting instanceof Weighting.Equal ? n - 1 : totalWeight;
        return new WeightedMoments(n, meanX, meanY, m2x / divisor, m2y / divisor, cxy / divisor);
    }
}
