package vn.edialog.app.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * Like {@link EDialogIntegrationTest}, for a deployment serving two provinces ({@link TwoProvinces}): one more Spring
 * context, shared by the classes that carry this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {EDialogTestInitializer.class, TwoProvinces.class})
public @interface TwoProvincesIntegrationTest {}
