package io.hoithao.presentations.material;

/** The kinds of material a paper may carry, told apart by their content. */
enum MaterialType {
    PDF("application/pdf", "pdf"),
    PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx");

    final String contentType;
    final String extension;

    MaterialType(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }
}
