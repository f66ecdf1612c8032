package io.hoithao.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;

/** What every page's layout needs: the current path and query, for the language switch to come back to. */
@ControllerAdvice
public class PageModel {

    @ModelAttribute("currentPath")
    public String currentPath(ServerWebExchange exchange) {
        var uri = exchange.getRequest().getURI();
        String query = uri.getRawQuery();
        return uri.getRawPath() + (query == null ? "" : "?" + query);
    }
}
