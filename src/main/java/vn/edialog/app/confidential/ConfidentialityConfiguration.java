package vn.edialog.app.confidential;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.edialog.app.pki.DemoPki;
import vn.edialog.app.pki.ServerSigners;
import vn.edialog.app.tenant.Tenants;

/** The agencies' decryption keys: the demo PKI's on the embedded default, and whatever is configured. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConfidentialityProperties.class)
class ConfidentialityConfiguration {

    @Bean
    ContentKeys contentKeys(ConfidentialityProperties properties, ObjectProvider<DemoPki> demo, Tenants tenants) {
        Map<String, DecryptionKey> keys = new LinkedHashMap<>();
        demo.ifAvailable(pki -> pki.encryptionKeys(tenants.all())
                .forEach((key, credential) ->
                        keys.put(key, new DecryptionKey(credential.privateKey(), credential.certificate(), null))));
        properties
                .agencies()
                .forEach((tenant, agencies) -> agencies.forEach(
                        (agency, key) -> keys.put(ServerSigners.key(tenant, agency), DecryptionKey.load(key))));
        return new ContentKeys(keys);
    }
}
