package io.hoithao.presentations.material;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize the largest material accepted (413 beyond it, checked while streaming)
 * @param maxPerPaper how many materials one paper may carry
 */
@ConfigurationProperties("hoithao.presentations.materials")
record MaterialProperties(DataSize maxSize, Integer maxPerPaper) {

    MaterialProperties {
        maxSize = maxSize == null ? DataSize.ofMegabytes(20) : maxSize;
        maxPerPaper = maxPerPaper == null ? 10 : maxPerPaper;
    }
}
