/**
 * The facade: {@link dev.warta.Warta}, {@link dev.warta.Site}, {@link dev.warta.BuildResult},
 * {@link dev.warta.BuildException} and {@link dev.warta.BuildListener} — what a user calls, and
 * nothing else.
 *
 * <p>Depends on the orchestration ({@code dev.warta.build}), the shared values ({@code
 * dev.warta.shared}) and the archive it returns from {@link dev.warta.Site#load()}; no package of
 * Warta depends on it.
 */
package dev.warta;
