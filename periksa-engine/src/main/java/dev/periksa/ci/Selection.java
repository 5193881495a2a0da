package dev.periksa.ci;

import dev.periksa.regulation.Catalogue;
import dev.periksa.regulation.Clause;
import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.PickleTag;
import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionException;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Which scenarios a run selects: regulations ({@code --regulation}) and a Cucumber tag expression
 * ({@code --tags}), combined into the one expression the Cucumber engine filters on.
 *
 * @param regulations regulation keys asked for, e.g. {@code hipaa}; empty for all
 * @param tags the user's tag expression, or null
 * @param expression the expression handed to Cucumber, or null when everything runs
 */
public record Selection(List<String> regulations, String tags, String expression) {
  /** The regulations {@code --regulation} accepts: those a remote scan serves. */
  public static final List<String> REGULATIONS =
      List.of("hipaa", "uu-pdp", "permenkes", "gdpr", "owasp-api");

  /** Everything runs. */
  public static final Selection ALL = new Selection(List.of(), null, null);

  public Selection {
    regulations = List.copyOf(regulations);
  }

  /**
   * A regulation selects every scenario tagged with one of its clauses (the catalogue's clause ids
   * are the features' tags); several regulations select the union; {@code --tags} then narrows.
   *
   * @throws IllegalArgumentException an unknown regulation or a tag expression that does not parse
   */
  public static Selection of(List<String> regulations, String tags, Catalogue catalogue) {
    List<String> regs = new ArrayList<>();
    for (String r : regulations == null ? List.<String>of() : regulations) {
      String key = r.trim().toLowerCase(java.util.Locale.ROOT);
      if (!REGULATIONS.contains(key)) {
        throw new IllegalArgumentException(
            "--regulation "
                + r
                + ": unknown regulation (one of "
                + String.join(", ", REGULATIONS)
                + ")");
      }
      if (!regs.contains(key)) {
        regs.add(key);
      }
    }
    String userTags = tags == null || tags.isBlank() ? null : tags.trim();
    if (userTags != null) {
      // A bare word is a tag that can match nothing: every tag of the features starts with @.
      for (String w : words(userTags)) {
        if (!w.startsWith("@")
            && !List.of("and", "or", "not").contains(w.toLowerCase(java.util.Locale.ROOT))) {
          throw new IllegalArgumentException(
              "--tags "
                  + userTags
                  + ": '"
                  + w
                  + "' is not a tag; tags start with @ (did you mean @"
                  + w
                  + "?)");
        }
      }
      try {
        TagExpressionParser.parse(userTags);
      } catch (TagExpressionException e) {
        throw new IllegalArgumentException("--tags: " + e.getMessage(), e);
      }
    }
    List<String> parts = new ArrayList<>();
    if (!regs.isEmpty()) {
      TreeSet<String> clauseTags = new TreeSet<>();
      for (Clause c : catalogue.clauses()) {
        if (regs.contains(c.regulation())) {
          clauseTags.add(tag(c.id()));
        }
      }
      if (clauseTags.isEmpty()) {
        throw new IllegalArgumentException(
            "--regulation "
                + String.join(", ", regs)
                + ": the catalogue cites none of its clauses");
      }
      parts.add("(" + String.join(" or ", clauseTags) + ")");
    }
    if (userTags != null) {
      parts.add("(" + userTags + ")");
    }
    String expression = parts.isEmpty() ? null : String.join(" and ", parts);
    if (expression != null) {
      // The combined expression must parse too: a clause id with odd characters must not slip by.
      TagExpressionParser.parse(expression);
    }
    return new Selection(regs, userTags, expression);
  }

  /** The words of a tag expression (escaped spaces and parentheses stay inside a word). */
  static List<String> words(String expression) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < expression.length(); i++) {
      char c = expression.charAt(i);
      if (c == '\\' && i + 1 < expression.length()) {
        w.append(c).append(expression.charAt(++i));
      } else if (Character.isWhitespace(c) || c == '(' || c == ')') {
        if (w.length() > 0) {
          out.add(w.toString());
          w.setLength(0);
        }
      } else {
        w.append(c);
      }
    }
    if (w.length() > 0) {
      out.add(w.toString());
    }
    return out;
  }

  /** A clause id as a tag in an expression: parentheses and backslashes escaped. */
  static String tag(String clauseId) {
    StringBuilder b = new StringBuilder("@");
    for (char ch : clauseId.toCharArray()) {
      if (ch == '(' || ch == ')' || ch == '\\' || Character.isWhitespace(ch)) {
        b.append('\\');
      }
      b.append(ch);
    }
    return b.toString();
  }

  /**
   * Whether the expression picks at least one scenario of these feature texts: Cucumber marks
   * unselected scenarios skipped at execution, so a selection that picks none must be caught here,
   * before discovery or any check probes the target.
   */
  public boolean selectsAny(List<String> featureTexts) {
    if (all()) {
      return true;
    }
    Expression e = TagExpressionParser.parse(expression);
    return pickles(featureTexts).anyMatch(e::evaluate);
  }

  /**
   * The tags (with their {@code @}) of every scenario of these feature texts that the selection
   * picks: a check knows from them whether the run will run it.
   */
  public Set<String> pickedTags(List<String> featureTexts) {
    Expression e = all() ? null : TagExpressionParser.parse(expression);
    Set<String> out = new TreeSet<>();
    pickles(featureTexts).filter(t -> e == null || e.evaluate(t)).forEach(out::addAll);
    return out;
  }

  /** Each scenario's tags (an outline's example rows one by one), feature by feature. */
  private static Stream<List<String>> pickles(List<String> featureTexts) {
    GherkinParser parser =
        GherkinParser.builder().includeSource(false).includeGherkinDocument(false).build();
    AtomicInteger i = new AtomicInteger();
    return featureTexts.stream()
        .flatMap(
            text ->
                parser
                    .parse("feature-" + i.getAndIncrement(), text.getBytes(StandardCharsets.UTF_8))
                    .map(Envelope::getPickle)
                    .flatMap(Optional::stream)
                    .map(p -> p.getTags().stream().map(PickleTag::getName).toList()));
  }

  public boolean all() {
    return expression == null;
  }

  /** What results.json records. */
  public Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("regulations", regulations);
    m.put("tags", tags);
    m.put("expression", expression);
    return m;
  }

  /** One line for the console and the report's environment. */
  public String describe() {
    if (all()) {
      return "all scenarios";
    }
    List<String> bits = new ArrayList<>();
    if (!regulations.isEmpty()) {
      bits.add("regulation " + String.join(", ", regulations));
    }
    if (tags != null) {
      bits.add("tags " + tags);
    }
    return String.join("; ", bits);
  }
}
