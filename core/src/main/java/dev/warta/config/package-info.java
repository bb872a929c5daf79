/**
 * Reading {@code warta.yml}: defaults, validation of every setting with its position, and the
 * caller's overrides (the Maven plugin's parameters).
 *
 * <p>Depends only on the shared values ({@code SiteConfig}, {@code Problem}) and on internal
 * helpers.
 */
package dev.warta.config;
