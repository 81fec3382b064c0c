package io.finkperf.history;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * The science code a run measured.
 *
 * @param sha   full commit id ("unknown" when the science dir is not a git checkout)
 * @param date  committer date, ISO-8601 (orders the history)
 * @param ref   {@code git describe} as results.json records it
 * @param tags  tags pointing at the commit (release labels on the charts)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CommitInfo(String sha, String date, String ref, String subject, List<String> tags) {

    public CommitInfo {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public String shortSha() {
        return sha == null ? "?" : sha.substring(0, Math.min(8, sha.length()));
    }

    /** The release tag if there is one, else the short sha. */
    public String label() {
        return tags.isEmpty() ? shortSha() : tags.get(0);
    }
}
