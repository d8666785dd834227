/**
 * Reading analysis run folders (the files the crater, height and PS-InSAR commands write) into
 * small immutable records, and the few evaluations a report computes itself (crater matching and
 * precision/recall curves, height error metrics). Nothing here depends on the analysis modules: the
 * folders' file formats are the contract.
 */
package dev.surveyor.report.run;
