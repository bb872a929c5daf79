package dev.warta.render;

import dev.warta.shared.Problem;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileExtensionMatcher;
import freemarker.core.ParseException;
import freemarker.core.TemplateConfiguration;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;

/**
 * The one FreeMarker configuration of a build.
 *
 * <p>Templates are looked up first in the site's {@code templates/} folder, then in the embedded
 * theme, so a site overrides any theme template by giving its own of the same name. {@code .ftlh}
 * templates escape everything they output as HTML unless told otherwise ({@code ?no_esc}). Template
 * errors are rethrown, never logged, and become {@link Problem}s with the template's name, line
 * and column. The API and {@code ?new} built-ins are off: a template cannot reach Java classes.
 */
final class Templates {
  /** The templates every site has (the theme's, unless overridden). */
  static final List<String> NAMES = List.of("article.ftlh", "list.ftlh", "terms.ftlh", "404.ftlh", "redirect.ftlh", "layout.ftlh");

  private static final String THEME = "/dev/warta/theme/templates";

  private final Configuration configuration;
  private final Path siteTemplates;

  private Templates(Configuration configuration, Path siteTemplates) {
    this.configuration = configuration;
    this.siteTemplates = siteTemplates;
  }

  static Templates create(Path siteDir) {
    Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
    List<TemplateLoader> loaders = new ArrayList<>();
    Path own = siteDir.resolve("templates");
    if (Files.isDirectory(own)) {
      try {
        loaders.add(new FileTemplateLoader(own.toFile()));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    loaders.add(new ClassTemplateLoader(Templates.class, THEME));
    cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(new TemplateLoader[0])));
    cfg.setDefaultEncoding("UTF-8");
    cfg.setOutputEncoding("UTF-8");
    cfg.setLocale(Locale.ROOT);
    cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
    cfg.setNumberFormat("computer");
    cfg.setBooleanFormat("c");
    // .ftlh templates get HtmlFormat rather than FreeMarker's HTML, which would let control
    // characters through; the standard extension rule would override this choice, so it is off
    cfg.setRecognizeStandardFileExtensions(false);
    cfg.setRegisteredCustomOutputFormats(List.of(HtmlFormat.INSTANCE));
    TemplateConfiguration html = new TemplateConfiguration();
    html.setOutputFormat(HtmlFormat.INSTANCE);
    html.setAutoEscapingPolicy(Configuration.ENABLE_IF_DEFAULT_AUTO_ESCAPING_POLICY);
    cfg.setTemplateConfigurations(new ConditionalTemplateConfigurationFactory(new FileExtensionMatcher("ftlh"), html));
    cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    cfg.setLogTemplateExceptions(false);
    cfg.setWrapUncheckedExceptions(true);
    cfg.setFallbackOnNullLoopVariable(false);
    cfg.setAPIBuiltinEnabled(false);
    cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    cfg.setLocalizedLookup(false);
    // templates do not change during a build: never re-check their files (a synchronised look-up per page)
    cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
    cfg.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34).build());
    return new Templates(cfg, own);
  }

  /** Loads every template now, so a broken one is reported before any page is rendered. */
  List<Problem> check() {
    List<Problem> problems = new ArrayList<>();
    for (String name : NAMES) {
      template(name).ifPresent(problems::add);
    }
    return problems;
  }

  private Optional<Problem> template(String name) {
    try {
      configuration.getTemplate(name);
      return Optional.empty();
    } catch (ParseException e) {
      return Optional.of(Problem.error(where(name), e.getLineNumber(), e.getColumnNumber(), "template syntax: " + firstLine(e.getEditorMessage())));
    } catch (IOException e) {
      return Optional.of(Problem.error(where(name), 0, 0, "cannot load the template: " + e.getMessage()));
    }
  }

  /** Renders a template with a model, or returns the problem with the template's position. */
  String render(String name, Views.PageModel model, List<Problem> problems, String page) {
    try {
      Template template = configuration.getTemplate(name);
      BuilderWriter out = new BuilderWriter(32 * 1024);
      template.process(model, out);
      return out.toString();
    } catch (TemplateException e) {
      String template = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : name;
      int line = e.getLineNumber() != null ? e.getLineNumber() : 0;
      int column = e.getColumnNumber() != null ? e.getColumnNumber() : 0;
      String what;
      if (e instanceof freemarker.core.InvalidReferenceException && e.getBlamedExpressionString() != null) {
        what = "'" + e.getBlamedExpressionString() + "' is missing; check the name against the data model, or allow a missing value with ! or ??";
      } else {
        what = firstLine(e.getMessageWithoutStackTop());
      }
      problems.add(Problem.error(where(template), line, column, what).onPage(page));
    } catch (IOException e) {
      problems.add(Problem.error(where(name), 0, 0, e.getMessage()).onPage(page));
    }
    return "";
  }

  private String where(String template) {
    return Files.isRegularFile(siteTemplates.resolve(template)) ? "templates/" + template : "(theme) " + template;
  }

  private static String firstLine(String message) {
    String m = message == null ? "" : message.strip();
    int nl = m.indexOf('\n');
    String first = nl < 0 ? m : m.substring(0, nl);
    return first.isEmpty() ? "unknown template error" : first;
  }
}
