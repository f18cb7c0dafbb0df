package kz.khc.deploy.manifests;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks one Kubernetes object against its kind's schema.
 * <ul>
 * <li>Kubernetes' own kinds: the models of the official Java client ({@code io.kubernetes:client-java-api}, generated
 * from the API server's OpenAPI description, 24.0.0 = Kubernetes 1.32), whose {@code validateJsonElement} refuses a
 * field the API does not define, a missing required field and an object where a value belongs (or the reverse), at
 * every level of the object;</li>
 * <li>the operators' custom resources: the partial JSON schemas in {@code schemas/custom-resources.yaml};</li>
 * <li>any other apiVersion and kind is an error: a new kind needs its schema here first.</li>
 * </ul>
 * Every object also needs a name Kubernetes accepts (RFC 1123 subdomain; for Services and the Deployments' pods'
 * DNS a label).
 */
final class KubernetesSchemas {

	@FunctionalInterface
	private interface Validator {
		void validate(JsonElement object) throws IOException;
	}

	private static final Map<String, Validator> BUILT_IN = Map.of(
			"apps/v1/Deployment", V1Deployment::validateJsonElement,
			"v1/Service", V1Service::validateJsonElement,
			"v1/ConfigMap", V1ConfigMap::validateJsonElement,
			"v1/Secret", V1Secret::validateJsonElement,
			"autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler::validateJsonElement,
			"policy/v1/PodDisruptionBudget", V1PodDisruptionBudget::validateJsonElement,
			"networking.k8s.io/v1/Ingress", V1Ingress::validateJsonElement);

	private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
	private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Map<String, Schema> customResources;

	KubernetesSchemas() {
		var registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
		JsonNode schemas;
		try (var in = KubernetesSchemas.class.getResourceAsStream("/schemas/custom-resources.yaml")) {
			schemas = Kustomize.YAML.readTree(in);
		} catch (IOException e) {
			throw new IllegalStateException(e);
		}
		var map = new HashMap<String, Schema>();
		schemas.properties().forEach(entry -> map.put(entry.getKey(), registry.getSchema(entry.getValue())));
		this.customResources = Map.copyOf(map);
	}

	/** The problems of one object, each naming the object; empty when it is valid. */
	List<String> problems(JsonNode object) {
		String type = object.path("apiVersion").asString("") + "/" + object.path("kind").asString("");
		String name = object.path("metadata").path("name").asString("");
		String id = type + " " + name;
		var problems = new ArrayList<String>();
		if (name.length() > 253 || !SUBDOMAIN.matcher(name).matches()) {
			problems.add(id + ": metadata.name is not a valid Kubernetes name");
		}
		if ((type.equals("v1/Service") || type.equals("apps/v1/Deployment")) && (name.length() > 63 || !LABEL.matcher(name).matches())) {
			problems.add(id + ": a Service's or Deployment's name must be a DNS label");
		}
		Validator builtIn = BUILT_IN.get(type);
		Schema custom = customResources.get(type);
		if (builtIn != null) {
			try {
				builtIn.validate(JsonParser.parseString(JSON.writeValueAsString(object)));
			} catch (IOException | RuntimeException e) {
				String message = String.valueOf(e.getMessage());
				int json = message.indexOf(" JSON: "); // the generated messages append the whole object
				problems.add(id + ": " + (json < 0 ? message : message.substring(0, json)));
			}
		} else if (custom != null) {
			custom.validate(object).forEach(error -> problems.add(id + ": " + error.getInstanceLocation() + " " + error.getMessage()));
		} else {
			problems.add(id + ": no schema for this apiVersion and kind");
		}
		return problems;
	}
}
