/** The {@code surveyor height} commands: train, predict and evaluate single-image height models. */
package dev.surveyor.cli.height;
