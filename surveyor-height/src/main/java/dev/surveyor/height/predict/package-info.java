/**
 * Trained height models ({@code model.json} + {@code model.params} in a model directory) and
 * prediction over images of any size with overlapped windows blended by smooth weights.
 */
package dev.surveyor.height.predict;
