package kz.khc.deploy.manifests;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import kz.khc.contracts.elorda.v1.ApplicationSubmitted;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * deploy/k8s as a cluster would get it: each overlay rendered ({@link Kustomize}), every object checked against its
 * kind's schema ({@link KubernetesSchemas}), and what ties the objects together — selectors, references to Secrets and
 * ConfigMaps, autoscalers and the topics' partitions — checked across them. The negative tests make typos in a copy and
 * expect the render or the schema to name them.
 */
class ManifestsTest {

	static final Path K8S = Path.of(System.getProperty("suite.repo.root", ".."), "deploy/k8s");
	static final List<String> SERVICES = List.of("gateway", "identity-service", "cabinet-service",
			"elorda-application-service", "scoring-service", "notification-service");
	private static final KubernetesSchemas schemas = new KubernetesSchemas();

	@ParameterizedTest
	@ValueSource(strings = { "demo", "production" })
	void everyObjectOfTheOverlayMatchesItsSchema(String overlay) {
		List<ObjectNode> objects = Kustomize.build(K8S.resolve("overlays").resolve(overlay));

		assertThat(objects).hasSizeGreaterThan(50);
		assertThat(objects.stream().flatMap(object -> schemas.problems(object).stream())).isEmpty();
		assertThat(objects.stream().map(ManifestsTest::id)).doesNotHaveDuplicates();
		String namespace = overlay.equals("demo") ? "elorda-demo" : "elorda";
		assertThat(objects.stream().filter(object -> !object.path("metadata").path("namespace").asString().equals(namespace)
				|| !object.path("metadata").path("labels").path("app.kubernetes.io/part-of").asString().equals("elorda"))
			.map(ManifestsTest::id)).as("outside the namespace or without the suite's label").isEmpty();
	}

	@Test
	void theExternalObjectsMatchTheirSchemas() {
		assertThat(Kustomize.readAll(K8S.resolve("external-objects.example.yaml")).stream()
			.flatMap(object -> schemas.problems(object).stream())).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "demo", "production" })
	void eachServiceRunsLockedDownWithProbesLimitsAnAutoscalerAndADisruptionBudget(String overlay) {
		Map<String, ObjectNode> objects = Kustomize.byKindAndName(Kustomize.build(K8S.resolve("overlays").resolve(overlay)));

		for (String service : SERVICES) {
			JsonNode pod = objects.get("Deployment/" + service).path("spec").path("template");
			JsonNode container = pod.path("spec").path("containers").get(0);
			assertThat(container.path("name").asString()).as(service).isEqualTo("app");
			assertThat(container.path("image").asString()).as(service).contains("elorda/" + service + ":");
			assertThat(container.path("readinessProbe").path("httpGet").path("path").asString()).isEqualTo("/actuator/health/readiness");
			assertThat(container.path("livenessProbe").path("httpGet").path("path").asString()).isEqualTo("/actuator/health/liveness");
			assertThat(container.path("startupProbe").path("failureThreshold").asInt()).isGreaterThanOrEqualTo(12);
			assertThat(container.path("ports").get(0).path("name").asString()).isEqualTo("http");
			assertThat(container.path("resources").path("requests").has("cpu")).as(service).isTrue();
			assertThat(container.path("resources").path("limits").path("memory").asString())
				.isEqualTo(container.path("resources").path("requests").path("memory").asString());
			assertThat(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean()).as(service).isTrue();
			assertThat(container.path("securityContext").path("readOnlyRootFilesystem").asBoolean()).as(service).isTrue();
			assertThat(container.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
			assertThat(container.path("securityContext").path("capabilities").path("drop").toString()).isEqualTo("[\"ALL\"]");
			assertThat(container.path("volumeMounts").findValuesAsString("mountPath")).as(service).contains("/tmp");
			assertThat(objects).containsKeys("Service/" + service, "HorizontalPodAutoscaler/" + service,
					"PodDisruptionBudget/" + service);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "demo", "production" })
	void servicesBudgetsAndAutoscalersFindTheirPods(String overlay) {
		List<ObjectNode> objects = Kustomize.build(K8S.resolve("overlays").resolve(overlay));
		Map<String, ObjectNode> byName = Kustomize.byKindAndName(objects);
		List<JsonNode> podLabels = objects.stream().filter(object -> object.path("kind").asString().equals("Deployment"))
			.map(deployment -> deployment.path("spec").path("template").path("metadata").path("labels")).toList();

		for (ObjectNode object : objects) {
			String kind = object.path("kind").asString();
			JsonNode selector = switch (kind) {
				case "Service" -> object.path("spec").path("selector");
				case "PodDisruptionBudget" -> object.path("spec").path("selector").path("matchLabels");
				default -> null;
			};
			if (selector != null) {
				assertThat(podLabels.stream().filter(labels -> matches(selector, labels))).as(id(object)).hasSize(1);
			}
			if (kind.equals("Deployment")) {
				assertThat(matches(object.path("spec").path("selector").path("matchLabels"),
						object.path("spec").path("template").path("metadata").path("labels"))).as(id(object)).isTrue();
			}
			if (kind.equals("HorizontalPodAutoscaler")) {
				JsonNode target = object.path("spec").path("scaleTargetRef");
				assertThat(byName).as(id(object)).containsKey(target.path("kind").asString() + "/" + target.path("name").asString());
				assertThat(object.path("spec").path("minReplicas").asInt()).isLessThanOrEqualTo(object.path("spec").path("maxReplicas").asInt());
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "demo", "production" })
	void everySecretConfigMapAndKeyReferencedExists(String overlay) {
		List<ObjectNode> objects = Kustomize.build(K8S.resolve("overlays").resolve(overlay));
		var available = new HashMap<String, Set<String>>();
		Consumer<JsonNode> add = object -> {
			var keys = new TreeSet<String>();
			object.path("data").propertyNames().forEach(keys::add);
			object.path("stringData").propertyNames().forEach(keys::add);
			available.put(object.path("kind").asString() + "/" + object.path("metadata").path("name").asString(), keys);
		};
		objects.forEach(add);
		Kustomize.readAll(K8S.resolve("external-objects.example.yaml")).forEach(add);

		var references = new ArrayList<String>();
		for (ObjectNode object : objects) {
			JsonNode podSpec = object.path("spec").path("template").path("spec");
			for (JsonNode container : podSpec.path("containers")) {
				for (JsonNode env : container.path("env")) {
					JsonNode secret = env.path("valueFrom").path("secretKeyRef");
					JsonNode configMap = env.path("valueFrom").path("configMapKeyRef");
					if (!secret.isMissingNode()) {
						references.add("Secret/" + secret.path("name").asString() + " " + secret.path("key").asString());
					}
					if (!configMap.isMissingNode()) {
						references.add("ConfigMap/" + configMap.path("name").asString() + " " + configMap.path("key").asString());
					}
				}
				for (JsonNode envFrom : container.path("envFrom")) {
					if (envFrom.has("configMapRef")) {
						references.add("ConfigMap/" + envFrom.path("configMapRef").path("name").asString());
					}
					if (envFrom.has("secretRef")) {
						references.add("Secret/" + envFrom.path("secretRef").path("name").asString());
					}
				}
			}
			for (JsonNode volume : podSpec.path("volumes")) {
				if (volume.has("configMap") && !volume.path("configMap").path("optional").asBoolean(false)) {
					references.add("ConfigMap/" + volume.path("configMap").path("name").asString());
				}
				if (volume.has("secret")) {
					references.add("Secret/" + volume.path("secret").path("secretName").asString());
				}
			}
			if (object.path("kind").asString().equals("Cluster")) {
				object.path("spec").path("managed").path("roles")
					.forEach(role -> references.add("Secret/" + role.path("passwordSecret").path("name").asString() + " password"));
				references.add("Secret/" + object.path("spec").path("bootstrap").path("initdb").path("secret").path("name").asString() + " password");
			}
		}

		assertThat(references).isNotEmpty().allSatisfy(reference -> {
			String[] objectAndKey = reference.split(" ", 2);
			assertThat(available).as(reference).containsKey(objectAndKey[0]);
			if (objectAndKey.length == 2) {
				assertThat(available.get(objectAndKey[0])).as(reference).contains(objectAndKey[1]);
			}
		});
	}

	/** deploy/CAPACITY.md: a consumer group uses at most as many pods as the topic has partitions. */
	@ParameterizedTest
	@ValueSource(strings = { "demo", "production" })
	void everyTopicHasAsManyPartitionsAsItsConsumersMostPods(String overlay) {
		Map<String, ObjectNode> objects = Kustomize.byKindAndName(Kustomize.build(K8S.resolve("overlays").resolve(overlay)));

		objects.values().stream().filter(object -> object.path("kind").asString().equals("KafkaTopic")).forEach(topic -> {
			int partitions = topic.path("spec").path("partitions").asInt();
			String consumers = topic.path("metadata").path("annotations").path("elorda.kz/consumers").asString("");
			for (String consumer : consumers.isBlank() ? new String[0] : consumers.split(" ")) {
				ObjectNode autoscaler = objects.get("HorizontalPodAutoscaler/" + consumer);
				assertThat(autoscaler).as(id(topic) + " consumer " + consumer).isNotNull();
				assertThat(partitions).as(id(topic) + " for " + consumer)
					.isGreaterThanOrEqualTo(autoscaler.path("spec").path("maxReplicas").asInt());
			}
			if (topic.path("spec").has("topicName")) { // a dead-letter topic: as many partitions as its topic
				String source = topic.path("spec").path("topicName").asString().replaceFirst("\\.DLT$", "");
				assertThat(objects).as(id(topic)).containsKey("KafkaTopic/" + source);
				assertThat(objects.get("KafkaTopic/" + source).path("spec").path("partitions").asInt()).as(id(topic)).isEqualTo(partitions);
			}
		});
	}

	@Test
	void everyTopicOfTheContractsHasAKafkaTopicAndADeadLetterTopic() throws Exception {
		Map<String, ObjectNode> objects = Kustomize.byKindAndName(Kustomize.build(K8S.resolve("overlays/production")));
		List<String> topics = contractTopics();

		assertThat(topics).contains(ApplicationSubmitted.TOPIC).hasSizeGreaterThanOrEqualTo(13);
		assertThat(topics).allSatisfy(topic -> {
			assertThat(objects).containsKey("KafkaTopic/" + topic);
			assertThat(objects.get("KafkaTopic/" + topic + ".dlt").path("spec").path("topicName").asString()).isEqualTo(topic + ".DLT");
		});
	}

	// the negative tests: a typo in a copy of deploy/k8s

	@Test
	void aMisspelledFieldOfADeploymentIsNamed(@TempDir Path copy) throws IOException {
		List<String> problems = problemsAfter(copy, "base/scoring-service.yaml", "containerPort: 8084", "containerPortt: 8084");

		assertThat(problems).anySatisfy(problem -> assertThat(problem)
			.contains("apps/v1/Deployment scoring-service").contains("containerPortt"));
	}

	@Test
	void aMisspelledFieldInAPatchIsNamed(@TempDir Path copy) throws IOException {
		List<String> problems = problemsAfter(copy, "base/service-pods.yaml", "readinessProbe:", "readynessProbe:");

		assertThat(problems).hasSize(SERVICES.size()).allSatisfy(problem -> assertThat(problem).contains("readynessProbe"));
	}

	@Test
	void aMissingRequiredFieldIsNamed(@TempDir Path copy) throws IOException {
		List<String> problems = problemsAfter(copy, "base/gateway.yaml", "  scaleTargetRef:", "  scaleTarget:");

		assertThat(problems).anySatisfy(problem -> assertThat(problem).contains("HorizontalPodAutoscaler gateway")
			.contains("scaleTarget"));
	}

	@Test
	void aMisspelledFieldOfACustomResourceIsNamed(@TempDir Path copy) throws IOException {
		List<String> problems = problemsAfter(copy, "base/kafka-topic-defaults.yaml", "  replicas: 3", "  replica: 3");

		assertThat(problems).isNotEmpty().allSatisfy(problem -> assertThat(problem).contains("KafkaTopic"))
			.anySatisfy(problem -> assertThat(problem).contains("replica"));
	}

	@Test
	void aPatchThatMatchesNothingOrAnUnknownKustomizeFieldFailsTheRender(@TempDir Path copy) throws IOException {
		copyTree(K8S, copy);
		edit(copy.resolve("overlays/demo/postgres.yaml"), "name: elorda-pg", "name: elorda-postgres");
		assertThatThrownBy(() -> Kustomize.build(copy.resolve("overlays/demo"))).hasMessageContaining("patches nothing");

		copyTree(K8S, copy);
		edit(copy.resolve("overlays/production/kustomization.yaml"), "namespace: elorda", "namespace: elorda\nnamePrefix: x-");
		assertThatThrownBy(() -> Kustomize.build(copy.resolve("overlays/production"))).hasMessageContaining("namePrefix");
	}

	@Test
	void anUnknownKindHasNoSchema() {
		var object = (ObjectNode) Kustomize.YAML.readTree("apiVersion: apps/v1\nkind: Deploymnet\nmetadata:\n  name: x\n");

		assertThat(schemas.problems(object)).containsExactly("apps/v1/Deploymnet x: no schema for this apiVersion and kind");
	}

	/** The schema problems of the production overlay after replacing text in a file of a copy of deploy/k8s. */
	private static List<String> problemsAfter(Path copy, String file, String text, String replacement) throws IOException {
		copyTree(K8S, copy);
		edit(copy.resolve(file), text, replacement);
		return Kustomize.build(copy.resolve("overlays/production")).stream()
			.flatMap(object -> schemas.problems(object).stream())
			.toList();
	}

	private static void edit(Path file, String text, String replacement) throws IOException {
		String content = Files.readString(file);
		assertThat(content).as(file.toString()).contains(text);
		Files.writeString(file, content.replace(text, replacement));
	}

	private static void copyTree(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				} else {
					Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
	}

	/** The TOPIC constants of the contracts' integration events. */
	private static List<String> contractTopics() throws IOException, URISyntaxException, ReflectiveOperationException {
		Path location = Path.of(ApplicationSubmitted.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		List<String> classes;
		if (Files.isDirectory(location)) {
			try (Stream<Path> files = Files.walk(location)) {
				classes = files.map(file -> location.relativize(file).toString()).toList();
			}
		} else {
			try (var jar = new JarFile(location.toFile())) {
				classes = jar.stream().map(entry -> entry.getName()).toList();
			}
		}
		var topics = new TreeSet<String>();
		for (String file : classes) {
			if (file.startsWith("kz/khc/contracts/") && file.endsWith(".class") && !file.contains("$")) {
				Class<?> type = Class.forName(file.replace('/', '.').replaceFirst("\\.class$", ""));
				if (Arrays.stream(type.getDeclaredFields()).anyMatch(field -> field.getName().equals("TOPIC"))) {
					topics.add((String) type.getField("TOPIC").get(null));
				}
			}
		}
		return List.copyOf(topics);
	}

	private static boolean matches(JsonNode selector, JsonNode labels) {
		return !selector.isEmpty() && selector.properties().stream()
			.allMatch(entry -> labels.path(entry.getKey()).asString("").equals(entry.getValue().asString()));
	}

	private static String id(JsonNode object) {
		return object.path("kind").asString() + "/" + object.path("metadata").path("name").asString();
	}
}
