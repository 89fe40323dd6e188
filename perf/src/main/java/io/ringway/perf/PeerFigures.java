package io.ringway.perf;

/**
 * One system's figures in the core suite; {@code NaN} where not measured.
 */
final class PeerFigures
{
    double hopMopsPerSecond = Double.NaN;
    double p50Us = Double.NaN;
    double p99Us = Double.NaN;
    double p999Us = Double.NaN;
    double hopBytesPerOp = Double.NaN;
    double pingPongBytesPerOp = Double.NaN;
}
