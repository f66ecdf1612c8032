package io.hoithao.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriUtils;

import reactor.core.publisher.Mono;

/**
 * The presenter's pages: submit a paper for her unit (the presentations API takes the unit from her
 * registration), add its materials (PDF, PPTX, DOCX) with a progress bar, follow its review (status,
 * decision, the reviews' scores and comments) and withdraw it after a confirmation step.
 *
 * <p>A material is streamed: the page's script sends the file as the raw request body
 * ({@code XMLHttpRequest}, whose upload events drive the progress bar) and this application passes the
 * bytes on to the presentations API as they come, with the length the browser declared. Without
 * script the same form posts {@code multipart/form-data}, which is passed on the same way.
 */
@Controller
public class PaperPages {

    static final String XHR = "X-Requested-With=XMLHttpRequest";

    private final SignedInApi api;
    private final EventsClient events;
    private final ProblemMessages problems;
    private final MessageSource messages;
    private final long maxUploadBytes;
    private final MyProgramme programme;

    public PaperPages(SignedInApi api, EventsClient events, ProblemMessages problems, MessageSource messages,
                      @Value("${hoithao.web.max-upload-size:20MB}") DataSize maxUpload, MyProgramme programme) {
        this.api = api;
        this.programme = programme;
        this.events = events;
        this.problems = problems;
        this.messages = messages;
        this.maxUploadBytes = maxUpload.toBytes();
    }

    @GetMapping("/events/{id}/papers/new")
    public Mono<String> form(@PathVariable String id, @AuthenticationPrincipal OidcUser user, Model model) {
        EventPages.checkId(id);
        return Mono.zip(events.event(id), api.account(user)).doOnNext(both -> {
            model.addAttribute("event", both.getT1());
            model.addAttribute("unit", both.getT2().unit());
            String name = both.getT2().fullName() == null ? "" : both.getT2().fullName();
            model.addAttribute("form", new PaperForm("", "", name, 20));
        }).thenReturn("paper-new");
    }

    @PostMapping("/events/{id}/papers")
    public Mono<String> submit(@PathVariable String id, @ModelAttribute("form") PaperForm form,
                               @AuthenticationPrincipal OidcUser user, Model model, ServerWebExchange exchange) {
        EventPages.checkId(id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", strip(form.title()));
        body.put("abstract", strip(form.abstractText()));
        body.put("presenters", form.presenterList());
        body.put("requestedMinutes", form.requestedMinutes());
        return api.submitPaper(id, body)
                .flatMap(paper -> programme.changed(locale(exchange)).thenReturn(paper))
                .map(paper -> "redirect:/me/papers/" + paper.id() + "?submitted=1")
                .onErrorResume(ApiProblem.class, problem -> Mono.zip(events.event(id), api.account(user)).map(both -> {
                    model.addAttribute("event", both.getT1());
                    model.addAttribute("unit", both.getT2().unit());
                    model.addAttribute("problem", problems.show(problem, locale(exchange)));
                    exchange.getResponse().setRawStatusCode(problem.status() == 409 || problem.status() == 403 ? problem.status() : 400);
                    return "paper-new";
                }));
    }

    @GetMapping("/me/papers")
    public Mono<String> mine(Model model) {
        return api.myPapers().doOnNext(list -> model.addAttribute("papers", list)).thenReturn("papers");
    }

    @GetMapping("/me/papers/{paperId}")
    public Mono<String> paper(@PathVariable String paperId, @RequestParam(required = false) String submitted,
                              @RequestParam(required = false) String uploaded, Model model) {
        model.addAttribute("submittedNow", submitted != null);
        model.addAttribute("uploadedNow", uploaded);
        return page(paperId, model);
    }

    /** The page's script: the file is the raw body; the answer is JSON for the script to act on. */
    @PostMapping(path = "/me/papers/{paperId}/materials", headers = XHR)
    @ResponseBody
    public Mono<ResponseEntity<Map<String, String>>> uploadRaw(@PathVariable String paperId, @RequestParam String filename,
                                                               ServerWebExchange exchange) {
        EventPages.checkId(paperId);
        long length = exchange.getRequest().getHeaders().getContentLength();
        Locale locale = locale(exchange);
        if (length > maxUploadBytes) {
            return Mono.just(refusal(HttpStatus.CONTENT_TOO_LARGE, "material-too-large", text("problem.material-too-large", locale)));
        }
        return api.uploadMaterial(paperId, filename, length, exchange.getRequest().getBody())
                .map(material -> ResponseEntity.status(HttpStatus.CREATED).body(Map.of("location",
                        "/me/papers/" + paperId + "?uploaded=" + UriUtils.encodeQueryParam(material.filename(), "UTF-8"))))
                .onErrorResume(ApiProblem.class, problem -> Mono.just(refusal(HttpStatus.valueOf(problem.status()), problem.type(),
                        problems.show(problem, locale).message())))
                .onErrorResume(SignInAgainException.class, e -> Mono.just(refusal(HttpStatus.UNAUTHORIZED, "unauthenticated",
                        text("problem.signInAgain", locale))))
                .onErrorResume(ApiUnavailableException.class, e -> Mono.just(refusal(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                        text("error.unavailable", locale))));
    }

    /** Without script: the form's {@code multipart/form-data}, its file part passed on as it is read. */
    @PostMapping(path = "/me/papers/{paperId}/materials")
    public Mono<String> uploadForm(@PathVariable String paperId, Model model, ServerWebExchange exchange) {
        EventPages.checkId(paperId);
        return exchange.getMultipartData()
                .flatMap(parts -> Mono.justOrEmpty(parts.getFirst("file")))
                .filter(FilePart.class::isInstance).cast(FilePart.class)
                .filter(part -> !part.filename().isBlank())
                .flatMap(part -> api.uploadMaterial(paperId, part.filename(), -1, part.content()))
                .map(material -> "redirect:/me/papers/" + paperId + "?uploaded=" + UriUtils.encodeQueryParam(material.filename(), "UTF-8"))
                .switchIfEmpty(Mono.defer(() -> {
                    model.addAttribute("uploadProblem", text("problem.material-missing", locale(exchange)));
                    exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                    return page(paperId, model);
                }))
                .onErrorResume(ApiProblem.class, problem -> {
                    model.addAttribute("uploadProblem", problems.show(problem, locale(exchange)).message());
                    exchange.getResponse().setRawStatusCode(problem.status());
                    return page(paperId, model);
                });
    }

    /** The confirmation step before withdrawing. */
    @GetMapping("/me/papers/{paperId}/withdraw")
    public Mono<String> confirmWithdraw(@PathVariable String paperId, Model model) {
        EventPages.checkId(paperId);
        return api.paper(paperId).doOnNext(p -> model.addAttribute("paper", p)).thenReturn("paper-withdraw");
    }

    @PostMapping("/me/papers/{paperId}/withdraw")
    public Mono<String> withdraw(@PathVariable String paperId, Model model, ServerWebExchange exchange) {
        EventPages.checkId(paperId);
        return api.withdrawPaper(paperId)
                .flatMap(paper -> programme.changed(locale(exchange)).thenReturn(paper))
                .map(p -> "redirect:/me/papers/" + p.id())
                .onErrorResume(ApiProblem.class, problem -> {
                    model.addAttribute("problem", problems.show(problem, locale(exchange)));
                    exchange.getResponse().setRawStatusCode(problem.status());
                    return page(paperId, model);
                });
    }

    private Mono<String> page(String paperId, Model model) {
        EventPages.checkId(paperId);
        return api.paper(paperId).flatMap(paper -> events.event(paper.eventId())
                        .onErrorResume(NotFoundException.class, e -> Mono.empty())
                        .doOnNext(event -> model.addAttribute("event", event))
                        .then(Mono.just(paper)))
                .doOnNext(paper -> {
                    model.addAttribute("paper", paper);
                    model.addAttribute("maxUploadBytes", maxUploadBytes);
                    model.addAttribute("maxUploadMegabytes", maxUploadBytes / (1024 * 1024));
                })
                .thenReturn("paper");
    }

    private static ResponseEntity<Map<String, String>> refusal(HttpStatus status, String type, String message) {
        return ResponseEntity.status(status).body(Map.of("type", type, "message", message));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    private static Locale locale(ServerWebExchange exchange) {
        return exchange.getLocaleContext().getLocale();
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    /** What the submission form posts: presenters one a line; her unit is her registration's. */
    public record PaperForm(String title, String abstractText, String presenters, Integer requestedMinutes) {

        public List<String> presenterList() {
            return presenters == null ? List.of() : Arrays.stream(presenters.split("\\R")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }
    }
}
