package io.hoithao.identity.web;

import io.hoithao.identity.user.UserView;
import java.util.List;

/** One page of users: the items, where the page is, and how many there are in all (the suite's page shape). */
public record UsersPage(List<UserView> items, int page, int size, long total) {
}
