package archfixture.breaches;

import org.springframework.http.HttpStatus;

record StatusWithHttp(HttpStatus status) {
}
