package dev.surveyor.insar.sim;

/**
 * A simulated persistent scatterer.
 *
 * @param row pixel row (0-based)
 * @param col pixel column (0-based)
 * @param velocityMmYr true LOS velocity, mm/yr (positive = towards the satellite)
 * @param demErrorM true DEM error, m
 */
public record TruePoint(int row, int col, double velocityMmYr, double demErrorM) {}
