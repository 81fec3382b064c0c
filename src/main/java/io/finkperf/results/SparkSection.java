package io.finkperf.results;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * {@code extra.spark}: what Spark mode measured for a module, or why it could not. The JSON has no
 * type tag (the format predates this type); Jackson tells the two apart by their fields.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION, defaultImpl = SparkModeResult.class)
@JsonSubTypes({@JsonSubTypes.Type(SparkModeResult.class), @JsonSubTypes.Type(SparkFailure.class)})
public sealed interface SparkSection permits SparkModeResult, SparkFailure {
}
