/**
 * Training of height-regression networks: masked L1/L2 losses, Adam, Glorot-normal init, per-epoch
 * validation on held-out tiles, checkpoints with resume, best model kept, fixed seeds.
 */
package dev.surveyor.height.train;
