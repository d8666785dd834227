/** {@code surveyor craters}: train, detect and evaluate CenterNet crater detectors. */
package dev.surveyor.cli.craters;
