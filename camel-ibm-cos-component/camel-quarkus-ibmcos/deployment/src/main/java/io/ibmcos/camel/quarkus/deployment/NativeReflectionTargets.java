package io.ibmcos.camel.quarkus.deployment;

import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.RecordComponentInfo;
import org.jboss.jandex.Type;

/**
 * Derives from the Jandex index which of our classes need reflection in a native image, so the list follows the code
 * instead of a hand-kept list that drifts. The client itself binds no class with Jackson (it reads IAM JSON as a tree
 * and COS XML with StAX); the model records and enums are what the component puts into message bodies and headers,
 * and what users then serialise (a REST endpoint returning a listing) or read in Simple ({@code ${body[0].key}}).
 */
final class NativeReflectionTargets {

    static final String MODEL_PACKAGE = "io.ibmcos.client.model";

    static final DotName URI_PARAM = DotName.createSimple("org.apache.camel.spi.UriParam");

    /** Content carriers: a stream or a payload cannot be serialised as data, so their holders are left out. */
    private static final Set<DotName> CONTENT_TYPES = Set.of(
            DotName.createSimple("java.io.InputStream"),
            DotName.createSimple(MODEL_PACKAGE + ".Payload"));

    private NativeReflectionTargets() {
    }

    /**
     * The records and enums of the client model package (nested ones included) that hold data only: records with a
     * stream or {@code Payload} component, and the {@code Payload} family itself, are excluded.
     */
    static List<String> modelTypes(IndexView index) {
        Set<String> names = new TreeSet<>();
        // nested classes (Payload$Bytes, DeleteObjectsResult$DeleteError) belong to the package too
        for (ClassInfo c : index.getClassesInPackage(DotName.createSimple(MODEL_PACKAGE))) {
            if (isDataType(index, c)) {
                names.add(c.name().toString());
            }
        }
        return List.copyOf(names);
    }

    private static boolean isDataType(IndexView index, ClassInfo c) {
        if (!Modifier.isPublic(c.flags()) || isContentType(index, c.name())) {
            return false;
        }
        if (c.isEnum()) {
            return true;
        }
        if (!c.isRecord()) {
            return false;
        }
        for (RecordComponentInfo component : c.recordComponents()) {
            Type type = component.type();
            if (type.kind() == Type.Kind.CLASS && isContentType(index, type.name())) {
                return false;
            }
        }
        return true;
    }

    /** True for {@code InputStream}/{@code Payload} and every indexed class that extends or implements one. */
    private static boolean isContentType(IndexView index, DotName name) {
        if (name == null) {
            return false;
        }
        if (CONTENT_TYPES.contains(name)) {
            return true;
        }
        ClassInfo c = index.getClassByName(name);
        if (c == null) {
            return false;
        }
        for (DotName iface : c.interfaceNames()) {
            if (isContentType(index, iface)) {
                return true;
            }
        }
        return isContentType(index, c.superName());
    }

    /**
     * Enum types of the component's {@code @UriParam} fields: Camel converts their configuration text with
     * {@code Enum.valueOf}, which reads the constants reflectively.
     */
    static List<String> optionEnums(IndexView index) {
        Set<String> names = new TreeSet<>();
        for (AnnotationInstance param : index.getAnnotations(URI_PARAM)) {
            if (param.target().kind() != AnnotationTarget.Kind.FIELD) {
                continue;
            }
            ClassInfo owner = param.target().asField().declaringClass();
            if (!owner.name().toString().startsWith("io.ibmcos.")) {
                continue;
            }
            ClassInfo type = index.getClassByName(param.target().asField().type().name());
            if (type != null && type.isEnum()) {
                names.add(type.name().toString());
            }
        }
        return List.copyOf(names);
    }
}
