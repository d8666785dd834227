/**
 * Crater size-frequency statistics: cumulative and differential distributions in sqrt(2) diameter
 * bins, the R-plot (Crater Analysis Techniques Working Group 1979), and absolute model ages from
 * the lunar Neukum (1983) production and chronology functions as used by CraterStats. Diameters in
 * km, areas in km^2, ages in Ga.
 */
package dev.surveyor.craters.sfd;
