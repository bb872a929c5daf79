/**
 * Helpers shared by several stages: safe YAML reading with positions, slugs, escaping, safe output
 * paths.
 *
 * <p>Depends only on the shared values. Please don't depend on anything here from outside Warta: it
 * changes without notice.
 */
package dev.warta.internal;
