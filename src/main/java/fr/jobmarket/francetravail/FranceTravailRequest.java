package fr.jobmarket.francetravail;

/**
 * One request to France Travail, as the {@code france-travail-request} route sends it (exchange property
 * {@link FranceTravailRequests#REQUEST}).
 *
 * @param what  the appellation, query part and range (or "token request") named in every message
 * @param query the URL query string, null for none
 * @param form  the token request's form, which holds the client secret: never printed
 */
record FranceTravailRequest(Kind kind, String what, String url, String query, String form) {

    enum Kind {
        /** An offer search page, read as a {@link SearchPage}; needs a token. */
        SEARCH,
        /** The OAuth2 token request, read into the {@link AccessTokenCache}. */
        TOKEN
    }

    @Override
    public String toString() {
        return kind + " " + what;
    }
}
