package io.hoithao.reports;

import io.hoithao.platform.security.AccessTable;
import io.hoithao.platform.security.EndpointRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reports are for administrators and organisers; the handler then checks that the organiser's unit is the
 * report's unit or one above it. Everything else needs a signed-in caller (the platform's last rule).
 */
@Configuration
class AccessRules {

    @Bean
    EndpointRules reportsEndpointRules() {
        return AccessTable.under("/api/reports").managers(null, "/programmes/**");
    }
}
