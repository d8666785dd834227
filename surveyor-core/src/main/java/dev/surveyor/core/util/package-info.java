/** Argument checks and the {@link dev.surveyor.core.util.Config} contract shared by all modules. */
package dev.surveyor.core.util;
