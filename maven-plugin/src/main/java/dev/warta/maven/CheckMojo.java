package dev.warta.maven;

import dev.warta.BuildException;
import dev.warta.BuildResult;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Validates the archive without writing anything: settings, front matter, internal links, read
 * also lines, templates. Fails on errors and prints warnings, each as {@code file:line:col:
 * message}: suitable for CI and pre-commit hooks.
 *
 * <p>Bound to the {@code verify} phase when declared in an execution. It also runs without a
 * project: {@code mvn dev.warta:warta-maven-plugin:VERSION:check -Dwarta.site=DIR}.
 *
 * <p>Settings: a value in the pom's {@code <configuration>} wins over a {@code -Dwarta.*} property,
 * which wins over {@code warta.yml}, which wins over Warta's defaults.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class CheckMojo extends AbstractWartaMojo {

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping Warta check (warta.skip)");
      return;
    }
    try {
      BuildResult result = site().check();
      result.warnings().forEach(p -> getLog().warn(where(p)));
      getLog().info("Warta check: " + result.articles() + " articles, no errors, " + result.warnings().size() + " warnings");
    } catch (BuildException e) {
      throw failure(e);
    } catch (RuntimeException e) {
      throw new MojoExecutionException("Warta failed unexpectedly: " + e, e);
    }
  }
}
