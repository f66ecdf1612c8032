package io.hoithao.registrations.registration;

/** Why a delegate attends: leaders of departments and offices, school managers, teachers, invited guests. */
public enum DelegateCategory {
    LEADER,
    MANAGER,
    TEACHER,
    STAFF,
    GUEST
}
