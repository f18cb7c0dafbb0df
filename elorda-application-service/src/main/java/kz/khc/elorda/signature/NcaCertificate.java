package kz.khc.elorda.signature;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * How the national certification authority of Kazakhstan (NCA RK, pki.gov.kz) says whose a certificate is. What we
 * found, in NCALayer's own certificate filters (the {@code ncalayer-js-client} constants, from pki.gov.kz's
 * «KNCA Basics» module), in Kalkan wrappers ({@code gokalkan}) and the certificate-issuing rules (order No. 383/НҚ of
 * 13.10.2020, adilet.zan.kz V2000021440):
 * <ul>
 * <li>the subject's {@code SERIALNUMBER} (2.5.4.5) is {@code IIN} followed by the owner's 12-digit IIN, e.g.
 * {@code CN=ТЕСТОВ ТЕСТ, SURNAME=ТЕСТОВ, SERIALNUMBER=IIN123456789011, C=KZ, G=ТЕСТОВИЧ}, in a private person's
 * certificate and in an employee's alike;</li>
 * <li>a legal entity's certificate (its head, a person entitled to sign, an employee) adds the organisation:
 * {@code O=<registered name>} and {@code OU=BIN<12-digit BIN>};</li>
 * <li>the extended key usage names the kind of owner: {@code 1.2.398.3.3.4.1.1} a private person,
 * {@code 1.2.398.3.3.4.1.2} a legal entity, with {@code .1} head, {@code .2} entitled to sign, {@code .3} to sign
 * financial documents, {@code .4} HR, {@code .5} employee; beside {@code 1.3.6.1.5.5.7.3.4} (e-mail protection) for
 * signing keys and {@code 1.3.6.1.5.5.7.3.2} (client authentication) for authentication keys;</li>
 * <li>the certificate policies say the same: {@code 1.2.398.3.3.2.1} signing and {@code 1.2.398.3.3.2.2}
 * authentication of legal entities, {@code .3} and {@code .4} of private persons.</li>
 * </ul>
 * An applicant signs for themselves, so a certificate is an organisation's when any of these says so — a
 * {@code BIN} in the subject, a legal-entity key usage or policy. Whether the key is a signing key is decided by
 * the key usage's nonRepudiation alone (the NCA's AUTH certificates have digitalSignature and keyEncipherment
 * only), not by the extended key usage, which other CAs fill differently.
 */
record NcaCertificate(List<String> serialNumbers, List<String> organisationUnits, List<String> ownerOids) {

	private static final Pattern IIN = Pattern.compile("IIN(\\d{12})");
	private static final Pattern BIN = Pattern.compile("BIN\\d{12}");
	private static final String LEGAL_ENTITY = "1.2.398.3.3.4.1.2";
	private static final List<String> LEGAL_ENTITY_POLICIES = List.of("1.2.398.3.3.2.1", "1.2.398.3.3.2.2");

	static NcaCertificate of(X509CertificateHolder certificate) {
		X500Name subject = certificate.getSubject();
		ExtendedKeyUsage usage = ExtendedKeyUsage.fromExtensions(certificate.getExtensions());
		CertificatePolicies policies = CertificatePolicies.fromExtensions(certificate.getExtensions());
		Stream<String> usages = usage == null ? Stream.empty()
				: Arrays.stream(usage.getUsages()).map(purpose -> purpose.toOID().getId());
		Stream<String> policyIds = policies == null ? Stream.empty()
				: Arrays.stream(policies.getPolicyInformation())
					.map(PolicyInformation::getPolicyIdentifier)
					.map(ASN1ObjectIdentifier::getId);
		return new NcaCertificate(values(subject, BCStyle.SERIALNUMBER), values(subject, BCStyle.OU),
				Stream.concat(usages, policyIds).toList());
	}

	/** The owner's IIN, when the subject has exactly one {@code SERIALNUMBER} and it is {@code IIN} + 12 digits. */
	Optional<String> iin() {
		if (serialNumbers.size() != 1) {
			return Optional.empty();
		}
		Matcher matcher = IIN.matcher(serialNumbers.getFirst());
		return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	/** Whether the certificate is a legal entity's: a BIN in the subject, a legal-entity key usage or policy. */
	boolean organisation() {
		return organisationUnits.stream().anyMatch(unit -> BIN.matcher(unit).matches())
				|| ownerOids.stream()
					.anyMatch(oid -> oid.equals(LEGAL_ENTITY) || oid.startsWith(LEGAL_ENTITY + ".")
							|| LEGAL_ENTITY_POLICIES.contains(oid));
	}

	private static List<String> values(X500Name name, ASN1ObjectIdentifier type) {
		return Arrays.stream(name.getRDNs(type))
			.flatMap(rdn -> Arrays.stream(rdn.getTypesAndValues()))
			.filter(attribute -> attribute.getType().equals(type))
			.map(attribute -> attribute.getValue() instanceof ASN1String string ? string.getString()
					: attribute.getValue().toString())
			.toList();
	}
}
