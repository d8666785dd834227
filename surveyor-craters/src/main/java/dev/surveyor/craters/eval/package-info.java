/**
 * Scoring detections against a catalogue: one-to-one greedy matching by descending score with box
 * IoU (circumscribed squares) or the DeepMoon or PyCDA criteria ({@link
 * dev.surveyor.craters.eval.MatchCriterion}), precision/recall/F1 at a threshold, the best-F1
 * threshold, AP at one IoU and COCO AP averaged over IoU 0.50:0.05:0.95, with a minimum-diameter
 * rule (truth below it dropped, unmatched detections below it ignored), and diameter histograms.
 */
package dev.surveyor.craters.eval;
