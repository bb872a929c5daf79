/**
 * Orchestration: runs the stages in order (config → content → archive → related → render →
 * publish), gathers their problems, and owns what {@code warta:serve} keeps warm between builds
 * ({@link dev.warta.build.Memory}) and its quick {@link dev.warta.build.Refresh}.
 *
 * <p>Depends on every stage and on the shared values; nothing but the facade ({@code dev.warta})
 * depends on it, and it does not know the facade: it reports through {@link
 * dev.warta.build.Progress}, returns an {@link dev.warta.build.Outcome} and throws a {@link
 * dev.warta.build.Failure}, which the facade turns into its public types.
 */
package dev.warta.build;
