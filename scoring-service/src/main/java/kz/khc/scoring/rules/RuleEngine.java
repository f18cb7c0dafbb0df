package kz.khc.scoring.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Loads every programme's file once, checks that each rule it names exists (a wrong file stops the service at
 * start, not an applicant later), and evaluates an edition's rules in the file's order.
 */
@Component
class RuleEngine implements Programmes {

	static final List<String> PROGRAMMES = List.of("elorda-zhastary", "qoljetimdi-baspana-2020");

	private final Map<String, Loaded> programmes = new LinkedHashMap<>();
	/** Rules texts of earlier versions, met again when an earlier decision is reproduced. */
	private final Map<String, Loaded> byVersion = new ConcurrentHashMap<>();
	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
	private final YAMLMapper yaml = YAMLMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	RuleEngine() {
		messages.setBasename("kz/khc/scoring/rules/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		for (String name : PROGRAMMES) {
			var resource = new ClassPathResource("programmes/" + name + ".yml");
			try (InputStream in = resource.getInputStream()) {
				Loaded loaded = load(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
				programmes.put(name, loaded);
				byVersion.put(loaded.text().version(), loaded);
			}
			catch (IOException ex) {
				throw new IllegalStateException("cannot read " + resource, ex);
			}
		}
	}

	private record Loaded(ProgrammeFile file, RulesText text) {
	}

	private Loaded load(String programme, String text) {
		ProgrammeFile file = yaml.readValue(text, ProgrammeFile.class);
		check(programme, file);
		String version = HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8))).substring(0, 12);
		return new Loaded(file, new RulesText(programme, version, text));
	}

	@Override
	public Set<String> names() {
		return programmes.keySet();
	}

	@Override
	public List<Edition> editions(String programme) {
		return loaded(programme).file()
			.editions()
			.stream()
			.map(edition -> new Edition(edition.name(), edition.from(), edition.to()))
			.sorted(Comparator.comparing(Edition::from).reversed())
			.toList();
	}

	@Override
	public RulesText rules(String programme) {
		return loaded(programme).text();
	}

	@Override
	public Assessment assess(String programme, Facts facts, Locale language) {
		return assess(loaded(programme), facts, language);
	}

	@Override
	public Assessment assess(RulesText rules, Facts facts, Locale language) {
		return assess(byVersion.computeIfAbsent(rules.version(), version -> load(rules.programme(), rules.text())),
				facts, language);
	}

	private Loaded loaded(String programme) {
		Loaded loaded = programmes.get(programme);
		if (loaded == null) {
			throw new UnknownProgramme(programme);
		}
		return loaded;
	}

	private Assessment assess(Loaded loaded, Facts facts, Locale language) {
		String programme = loaded.text().programme();
		ProgrammeFile file = loaded.file();
		ProgrammeFile.Edition edition = file.editions()
			.stream()
			.filter(candidate -> candidate.inEffectOn(facts.submissionDate()))
			.findFirst()
			.orElseThrow(() -> new NoEdition(programme, facts.submissionDate()));
		List<Assessment.Criterion> criteria = new ArrayList<>();
		for (ProgrammeFile.Rule rule : file.criteria()) {
			if (rule.appliesTo(facts.category())) {
				Rules.Judgement judgement = Rules.CRITERIA.get(rule.rule())
					.judge(facts, parameters(file, edition, rule));
				String message = text(rule.rule() + "." + judgement.message(), judgement.args(), language);
				if (!judgement.reasons().isEmpty()) {
					message += " " + judgement.reasons()
						.stream()
						.map(reason -> text(rule.rule() + ".reason." + reason, judgement.args(), language))
						.collect(Collectors.joining("; ")) + ".";
				}
				criteria.add(new Assessment.Criterion(rule.code(), judgement.passed(), message, judgement.inputs()));
			}
		}
		List<Assessment.Points> breakdown = new ArrayList<>();
		for (ProgrammeFile.Rule rule : file.points()) {
			if (rule.appliesTo(facts.category())) {
				Rules.Score score = Rules.POINTS.get(rule.rule()).score(facts, parameters(file, edition, rule));
				breakdown.add(new Assessment.Points(rule.code(), score.points(),
						text(rule.rule() + "." + score.message(), score.args(), language), score.inputs()));
			}
		}
		return new Assessment(programme, edition.name(), loaded.text().version(),
				criteria.stream().allMatch(Assessment.Criterion::passed),
				criteria, breakdown.stream().mapToInt(Assessment.Points::points).sum(), breakdown);
	}

	private static Parameters parameters(ProgrammeFile file, ProgrammeFile.Edition edition, ProgrammeFile.Rule rule) {
		return new Parameters(List.of(file.parameters(), edition.parameters(), rule.parameters()));
	}

	private String text(String key, List<Object> args, Locale language) {
		return messages.getMessage(key, args.toArray(), key, language);
	}

	/** Every rule, input and edition the file names must make sense before anyone is assessed with it. */
	private static void check(String name, ProgrammeFile file) {
		if (!name.equals(file.programme()) || file.editions().isEmpty()) {
			throw new IllegalStateException(name + ": the file names another programme or has no edition");
		}
		for (ProgrammeFile.Rule rule : file.criteria()) {
			if (!Rules.CRITERIA.containsKey(rule.rule())) {
				throw new IllegalStateException(name + " " + rule.code() + ": no criterion " + rule.rule());
			}
		}
		for (ProgrammeFile.Rule rule : file.points()) {
			if (!Rules.POINTS.containsKey(rule.rule())) {
				throw new IllegalStateException(name + " " + rule.code() + ": no point rule " + rule.rule());
			}
			Object input = rule.parameters().get("input");
			if (rule.rule().equals("bands") && (input == null || !Rules.knows(input.toString()))) {
				throw new IllegalStateException(name + " " + rule.code() + ": no input " + input);
			}
		}
	}

	private static byte[] sha256(byte[] text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}
}
