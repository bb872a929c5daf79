/**
 * The Warta Maven plugin: goals that turn Maven parameters into settings for {@link dev.warta.Site}
 * and log what the build reports. No site logic lives here.
 */
package dev.warta.maven;
