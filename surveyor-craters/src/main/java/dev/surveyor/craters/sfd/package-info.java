/**
 * Crater size-frequency statistics: cumulative and differential distributions in sqrt(2) diameter
 * bins, the R-plot (Crater Analysis Techniques Working Group 1979), and absolute model ages from
 * the production and chronology functions CraterStats uses: lunar Neukum (1983) and Mars Ivanov
 * (2001) / Hartmann and Neukum (2001) ({@link dev.surveyor.craters.sfd.ChronologySystem}); the
 * counting area of a georeferenced image. Diameters in km, areas in km^2, ages in Ga.
 */
package dev.surveyor.craters.sfd;
