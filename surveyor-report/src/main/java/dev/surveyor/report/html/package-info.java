/**
 * Self-contained HTML reports, one page per run plus an index: no network access, no CDN, every
 * script and style inline, images as PNG files beside the page (relative links) or as data URIs.
 * All text taken from files is HTML-escaped; JSON embedded for the page's scripts is escaped so it
 * cannot close its {@code <script>} element.
 */
package dev.surveyor.report.html;
