package kz.khc.deploy.manifests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders a kustomization as {@code kubectl kustomize} does, for the part of Kustomize that deploy/k8s uses — so that
 * the test sees the objects a cluster would get, offline and without the kustomize binary. Anything else in a
 * kustomization is refused, never ignored: a field this renderer does not know fails the test until it learns it.
 * <ul>
 * <li>{@code resources} (files and directories with their own kustomization), {@code namespace}, {@code labels}
 * ({@code pairs}, {@code includeTemplates}), {@code images} ({@code name}, {@code newName}, {@code newTag});</li>
 * <li>{@code patches} from a file, strategic merge only, each either for the object of the patch's kind and name or
 * for the objects its {@code target} selects (kind, name, labelSelector {@code key=value}); a patch that matches no
 * object is an error. Maps merge, {@code null} removes a key; in the built-in kinds' pod specs the lists Kubernetes
 * merges by key are merged by it (containers, env, volumes by name; volumeMounts by mountPath; ports by
 * containerPort), every other list — and every list of a custom resource — is replaced, as Kustomize does.</li>
 * </ul>
 */
final class Kustomize {

	static final YAMLMapper YAML = YAMLMapper.builder().build();

	private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "namespace", "labels", "images",
			"patches");
	private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
			"env", "name", "volumes", "name", "volumeMounts", "mountPath", "ports", "containerPort");

	private Kustomize() {
	}

	/** The objects of the kustomization in {@code dir}, in the order of its resources. */
	static List<ObjectNode> build(Path dir) {
		ObjectNode kustomization = (ObjectNode) readAll(dir.resolve("kustomization.yaml")).getFirst();
		kustomization.propertyNames().forEach(field -> {
			if (!FIELDS.contains(field)) {
				throw new IllegalArgumentException(dir + "/kustomization.yaml: '" + field + "' is not supported by this renderer");
			}
		});
		require(kustomization, "kind", "Kustomization");
		var objects = new ArrayList<ObjectNode>();
		for (JsonNode resource : kustomization.path("resources")) {
			Path path = dir.resolve(resource.asString()).normalize();
			if (Files.isDirectory(path)) {
				objects.addAll(build(path));
			} else {
				readAll(path).forEach(document -> objects.add((ObjectNode) document));
			}
		}
		for (JsonNode patch : kustomization.path("patches")) {
			patch(dir, objects, (ObjectNode) patch);
		}
		for (JsonNode labels : kustomization.path("labels")) {
			only(labels, "pairs", "includeTemplates");
			for (ObjectNode object : objects) {
				addLabels(object.withObject("/metadata").withObject("/labels"), labels.path("pairs"));
				if (labels.path("includeTemplates").asBoolean(false) && object.path("spec").has("template")) {
					addLabels(object.withObject("/spec/template/metadata/labels"), labels.path("pairs"));
				}
			}
		}
		for (JsonNode image : kustomization.path("images")) {
			only(image, "name", "newName", "newTag");
			objects.forEach(object -> setImage(object, image));
		}
		if (kustomization.has("namespace")) {
			objects.forEach(object -> object.withObject("/metadata").put("namespace", kustomization.get("namespace").asString()));
		}
		return objects;
	}

	static List<JsonNode> readAll(Path file) {
		try (var parser = YAML.createParser(file.toFile())) {
			return YAML.readValues(parser, JsonNode.class).readAll().stream().filter(node -> !node.isNull()).toList();
		} catch (RuntimeException e) {
			throw new IllegalArgumentException("Cannot read " + file + ": " + e.getMessage(), e);
		}
	}

	private static void patch(Path dir, List<ObjectNode> objects, ObjectNode patch) {
		only(patch, "path", "target");
		if (!patch.has("path")) {
			throw new IllegalArgumentException(dir + ": only patches from a file (path) are supported: " + patch);
		}
		JsonNode target = patch.path("target");
		only(target, "kind", "name", "labelSelector");
		Path file = dir.resolve(patch.get("path").asString());
		for (JsonNode document : readAll(file)) {
			if (document.has("op") || document.isArray()) {
				throw new IllegalArgumentException(file + ": JSON 6902 patches are not supported");
			}
			List<ObjectNode> matched = objects.stream()
				.filter(object -> target.isMissingNode() ? sameObject(object, document) : selected(object, target))
				.toList();
			if (matched.isEmpty()) {
				throw new IllegalArgumentException(file + " patches nothing (" + (target.isMissingNode()
						? document.path("kind").asString() + " " + document.path("metadata").path("name").asString()
						: target) + ")");
			}
			for (ObjectNode object : matched) {
				ObjectNode body = (ObjectNode) document.deepCopy();
				body.remove(List.of("apiVersion", "kind", "metadata"));
				if (document.path("metadata").has("labels") || document.path("metadata").has("annotations")) {
					ObjectNode metadata = ((ObjectNode) document.get("metadata")).deepCopy();
					metadata.remove("name");
					merge(object.withObject("/metadata"), metadata, builtIn(object));
				}
				merge(object, body, builtIn(object));
			}
		}
	}

	private static boolean sameObject(ObjectNode object, JsonNode patch) {
		return object.path("kind").equals(patch.path("kind"))
				&& object.path("metadata").path("name").equals(patch.path("metadata").path("name"));
	}

	private static boolean selected(ObjectNode object, JsonNode target) {
		if (target.has("kind") && !object.path("kind").asString().equals(target.get("kind").asString())) {
			return false;
		}
		if (target.has("name") && !object.path("metadata").path("name").asString().equals(target.get("name").asString())) {
			return false;
		}
		if (target.has("labelSelector")) {
			for (String term : target.get("labelSelector").asString().split(",")) {
				String[] keyValue = term.trim().split("=", 2);
				if (keyValue.length != 2) {
					throw new IllegalArgumentException("Only key=value label selectors are supported: " + term);
				}
				if (!object.path("metadata").path("labels").path(keyValue[0]).asString("").equals(keyValue[1])) {
					return false;
				}
			}
		}
		return true;
	}

	/** Kubernetes' own kinds (no dot in the group, or a k8s.io group) have merge keys; custom resources do not. */
	private static boolean builtIn(JsonNode object) {
		String apiVersion = object.path("apiVersion").asString();
		String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
		return !group.contains(".") || group.endsWith(".k8s.io");
	}

	static void merge(ObjectNode into, JsonNode patch, boolean mergeKeys) {
		for (var field : patch.properties()) {
			String name = field.getKey();
			JsonNode value = field.getValue();
			JsonNode existing = into.get(name);
			if (value.isNull()) {
				into.remove(name);
			} else if (value.isObject() && existing != null && existing.isObject()) {
				merge((ObjectNode) existing, value, mergeKeys);
			} else if (value.isArray() && existing != null && existing.isArray() && mergeKeys && MERGE_KEYS.containsKey(name)) {
				mergeList((ArrayNode) existing, (ArrayNode) value, MERGE_KEYS.get(name));
			} else {
				into.set(name, value.deepCopy());
			}
		}
	}

	private static void mergeList(ArrayNode into, ArrayNode patch, String key) {
		for (JsonNode element : patch) {
			JsonNode match = null;
			for (JsonNode candidate : into) {
				if (candidate.path(key).equals(element.path(key))) {
					match = candidate;
				}
			}
			if (match instanceof ObjectNode object && !element.path(key).isMissingNode()) {
				merge(object, element, true);
			} else {
				into.add(element.deepCopy());
			}
		}
	}

	private static void addLabels(ObjectNode labels, JsonNode pairs) {
		pairs.properties().forEach(pair -> labels.set(pair.getKey(), pair.getValue()));
	}

	private static void setImage(ObjectNode object, JsonNode image) {
		for (String list : List.of("containers", "initContainers")) {
			for (JsonNode container : object.path("spec").path("template").path("spec").path(list)) {
				String current = container.path("image").asString();
				int colon = current.lastIndexOf(':');
				String name = colon > current.lastIndexOf('/') ? current.substring(0, colon) : current;
				String tag = colon > current.lastIndexOf('/') ? current.substring(colon + 1) : null;
				if (name.equals(image.path("name").asString())) {
					String newName = image.path("newName").asString(name);
					String newTag = image.path("newTag").asString(tag);
					((ObjectNode) container).put("image", newTag == null ? newName : newName + ":" + newTag);
				}
			}
		}
	}

	private static void require(JsonNode node, String field, String value) {
		if (!node.path(field).asString("").equals(value)) {
			throw new IllegalArgumentException("Expected " + field + ": " + value + " in " + node);
		}
	}

	private static void only(JsonNode node, String... fields) {
		var allowed = Set.of(fields);
		node.propertyNames().forEach(field -> {
			if (!allowed.contains(field)) {
				throw new IllegalArgumentException("'" + field + "' is not supported by this renderer (only "
						+ Arrays.toString(fields) + "): " + node);
			}
		});
	}

	/** Every object by {@code kind/name}, to look up references; the last wins (duplicates are a separate check). */
	static Map<String, ObjectNode> byKindAndName(List<ObjectNode> objects) {
		var map = new LinkedHashMap<String, ObjectNode>();
		objects.forEach(object -> map.put(object.path("kind").asString() + "/" + object.path("metadata").path("name").asString(), object));
		return map;
	}
}
