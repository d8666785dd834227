/**
 * The DJL (PyTorch engine, CPU) layer shared by the learning modules: network building blocks
 * ({@link dev.surveyor.learn.NetBlocks}), the engine set-up with thread counts and seeds ({@link
 * dev.surveyor.learn.LearnEngine}), inference passes that free intermediates as they die ({@link
 * dev.surveyor.learn.ScopedInference}), a model directory with {@code model.json} and parameter
 * files ({@link dev.surveyor.learn.ModelDir}), and a generic training loop with Adam, per-epoch
 * checkpoints, resume, best-model keeping, freezing and transfer of weights ({@link
 * dev.surveyor.learn.TrainingLoop}). Tensors are NCHW float32 throughout.
 */
package dev.surveyor.learn;
