package com.schwabot.engine.sweep;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.schwabot.config.SchwabotConfig;
import com.schwabot.engine.TestCores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepSpecTest
{
    private final SchwabotConfig config = TestCores.defaults();

    private List<String> labels(final String... specs)
    {
        return SweepSpec.parse(List.of(specs), config).variants().stream().map(Variant::label).toList();
    }

    @Test
    void shouldPutTheBaseFirstThenTheGridWithTheFirstParameterSlowest()
    {
        assertThat(labels("threshold=0.3,0.5", "weight-scale=0.5:1.5:0.5")).containsExactly(
            "base",
            "threshold=0.3 weight-scale=0.5", "threshold=0.3", "threshold=0.3 weight-scale=1.5",
            "threshold=0.5 weight-scale=0.5", "threshold=0.5", "threshold=0.5 weight-scale=1.5");
    }

    @Test
    void shouldTakeSeveralParametersInOneStringAndExactDecimalRanges()
    {
        assertThat(labels("threshold=0.1:0.3:0.1,weight.btc_momentum=0.25,0.75")).containsExactly(
            "base",
            "threshold=0.1 weight.btc_momentum=0.25", "threshold=0.1 weight.btc_momentum=0.75",
            "threshold=0.2 weight.btc_momentum=0.25", "threshold=0.2 weight.btc_momentum=0.75",
            "threshold=0.3 weight.btc_momentum=0.25", "threshold=0.3 weight.btc_momentum=0.75");
    }

    @Test
    void shouldRefuseEveryValueTheConfigurationKeyItVariesWouldRefuse()
    {
        assertThatThrownBy(() -> labels("threshold=0.3,0.0005")).hasMessage("--sweep threshold=0.3,0.0005: " +
            "threshold=0.0005 must be in [0.001, 1.0], the range of strategies.yaml ensemble.threshold");
        assertThatThrownBy(() -> labels("learning-rate=0.5:1.5:0.5")).hasMessage("--sweep learning-rate=0.5:1.5:0.5: " +
            "learning-rate=1.5 must be in [0.0, 1.0], the range of config.yaml tensor.learning_rate");
        assertThatThrownBy(() -> labels("weight.btc_momentum=-0.5")).hasMessage("--sweep weight.btc_momentum=-0.5: " +
            "weight.btc_momentum=-0.5 must be in [0.0, 1.0], the range of strategies.yaml " +
            "ensemble.weights.btc_momentum");
        assertThatThrownBy(() -> labels("weight-scale=-1")).hasMessage("--sweep weight-scale=-1: weight-scale=-1 " +
            "must be a number >= 0 (it scales the ensemble weights, each in [0.0, 1.0])");
        assertThatThrownBy(() -> labels("weight-scale=1,2.5")).hasMessage("--sweep weight-scale=1,2.5: " +
            "weight-scale=2.5 must be in [0, 2]: it scales btc_momentum's weight 0.5 to 1.25, outside [0.0, 1.0], " +
            "the range of strategies.yaml ensemble.weights");
        assertThatThrownBy(() -> labels("weight-scale=2", "weight.eth_mean_reversion=0.8")).hasMessage(
            "--sweep weight-scale=2: weight-scale=2 must be in [0, 1.25]: it scales eth_mean_reversion's weight " +
                "0.8 to 1.6, outside [0.0, 1.0], the range of strategies.yaml ensemble.weights");
        assertThat(labels("threshold=0.001,1", "learning-rate=0,1", "weight.btc_momentum=0,1", "weight-scale=0,1"))
            .hasSize(17);
        assertThat(labels("weight-scale=2")).containsExactly("base", "weight-scale=2");
    }

    @Test
    void shouldRefuseBadSweepsSayingWhy()
    {
        assertThatThrownBy(() -> labels("threshhold=0.3")).hasMessageContaining("unknown sweep parameter 'threshhold'")
            .hasMessageContaining("allowed: threshold, weight-scale, learning-rate, weight.STRATEGY");
        assertThatThrownBy(() -> labels("threshold=1.5")).hasMessage(
            "--sweep threshold=1.5: threshold=1.5 must be in [0.001, 1.0], the range of strategies.yaml " +
                "ensemble.threshold");
        assertThatThrownBy(() -> labels("weight.nope=0.5")).hasMessageContaining("no enabled strategy 'nope'");
        assertThatThrownBy(() -> labels("threshold=0.5:0.1:0.1")).hasMessageContaining("STOP >= START");
        assertThatThrownBy(() -> labels("threshold=abc")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> labels("0.3")).hasMessageContaining("must start with NAME=VALUES");
        assertThatThrownBy(() -> labels("threshold=0.3", "threshold=0.4")).hasMessageContaining("given twice");
        assertThatThrownBy(() -> labels("threshold=0.001:1:0.001,weight-scale=1,2"))
            .hasMessageContaining("at most 1023");
    }
}
