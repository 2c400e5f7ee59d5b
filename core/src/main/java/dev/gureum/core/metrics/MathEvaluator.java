package dev.gureum.core.metrics;

import dev.gureum.core.metrics.MathParser.ArrayOf;
import dev.gureum.core.metrics.MathParser.Binary;
import dev.gureum.core.metrics.MathParser.Call;
import dev.gureum.core.metrics.MathParser.Negate;
import dev.gureum.core.metrics.MathParser.Node;
import dev.gureum.core.metrics.MathParser.Number;
import dev.gureum.core.metrics.MathParser.Reference;
import dev.gureum.core.metrics.MathValue.Array;
import dev.gureum.core.metrics.MathValue.Scalar;
import dev.gureum.core.metrics.MathValue.Series;
import dev.gureum.core.metrics.MathValue.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * Evaluates a parsed metric-math expression against the values of the other queries of the request.
 * Arithmetic between two series keeps the timestamps both have; with a scalar it applies to every value; an
 * array applies it to each of its series. SUM, AVG, MIN and MAX of an array give one series (per timestamp,
 * over the series that have a value there), of one series a scalar. METRICS() is every metric query (with a
 * text, those whose Id contains it); RATE and DIFF compare each value with the previous one (RATE per second);
 * FILL fills the periods of [start, end) without a value with a number, REPEAT (the last value) or LINEAR
 * (interpolated between neighbours); ABS is the absolute value. Results that are not finite are dropped.
 */
final class MathEvaluator {
    /** An evaluation failure, reported as a ValidationError naming the expression. */
    static final class EvaluationException extends RuntimeException {
        EvaluationException(String message) {
            super(message);
        }
    }

    private final Function<String, MathValue> references;
    private final List<Map.Entry<String, Series>> metrics;
    private final long start;
    private final long end;

    /**
     * @param references the value of another query by id (throws for an unknown id)
     * @param metrics every metric query's series, in request order, for METRICS()
     */
    MathEvaluator(Function<String, MathValue> references, List<Map.Entry<String, Series>> metrics, long start, long end) {
        this.references = references;
        this.metrics = metrics;
        this.start = start;
        this.end = end;
    }

    MathValue evaluate(Node node) {
        return switch (node) {
            case Number number -> new Scalar(number.value());
            case MathParser.Text text -> new Text(text.text());
            case Reference reference -> keyword(reference.id()) != null ? new Text(reference.id().toUpperCase())
                    : references.apply(reference.id());
            case Negate negate -> map(evaluate(negate.operand()), value -> -value);
            case Binary binary -> binary(binary.operator(), evaluate(binary.left()), evaluate(binary.right()));
            case ArrayOf array -> {
                List<Series> series = new ArrayList<>();
                for (Node item : array.items()) {
                    MathValue value = evaluate(item);
                    switch (value) {
                        case Series one -> series.add(one);
                        case Array many -> series.addAll(many.series());
                        default -> throw new EvaluationException("An array may hold only time series.");
                    }
                }
                yield new Array(series);
            }
            case Call call -> call(call);
        };
    }

    private static String keyword(String word) {
        return word.equals("REPEAT") || word.equals("LINEAR") ? word : null;
    }

    private MathValue call(Call call) {
        List<MathValue> arguments = call.arguments().stream().map(this::evaluate).toList();
        return switch (call.function()) {
            case "SUM" -> reduce(call, arguments, Reducer.SUM);
            case "AVG" -> reduce(call, arguments, Reducer.AVG);
            case "MIN" -> reduce(call, arguments, Reducer.MIN);
            case "MAX" -> reduce(call, arguments, Reducer.MAX);
            case "ABS" -> map(single(call, arguments), Math::abs);
            case "METRICS" -> metrics(call, arguments);
            case "RATE" -> perSeries(single(call, arguments), series -> change(series, true));
            case "DIFF" -> perSeries(single(call, arguments), series -> change(series, false));
            case "FILL" -> fill(call, arguments);
            default -> throw new EvaluationException("Unknown function " + call.function() + ".");
        };
    }

    private enum Reducer {
        SUM, AVG, MIN, MAX;

        double apply(double accumulated, int count, double value) {
            return switch (this) {
                case SUM, AVG -> accumulated + value;
                case MIN -> count == 0 ? value : Math.min(accumulated, value);
                case MAX -> count == 0 ? value : Math.max(accumulated, value);
            };
        }

        double finish(double accumulated, int count) {
            return this == AVG ? accumulated / count : accumulated;
        }
    }

    private MathValue reduce(Call call, List<MathValue> arguments, Reducer reducer) {
        MathValue argument = single(call, arguments);
        if (argument instanceof Series series) {
            double accumulated = 0;
            int count = 0;
            for (double value : series.points().values()) {
                accumulated = reducer.apply(accumulated, count++, value);
            }
            return new Scalar(count == 0 ? Double.NaN : reducer.finish(accumulated, count));
        }
        if (argument instanceof Array array) {
            TreeMap<Long, double[]> byTime = new TreeMap<>();
            int period = 0;
            for (Series series : array.series()) {
                period = Math.max(period, series.period());
                series.points().forEach((time, value) -> {
                    double[] state = byTime.computeIfAbsent(time, unused -> new double[2]);
                    state[0] = reducer.apply(state[0], (int) state[1], value);
                    state[1]++;
                });
            }
            TreeMap<Long, Double> points = new TreeMap<>();
            byTime.forEach((time, state) -> points.put(time, reducer.finish(state[0], (int) state[1])));
            return new Series(null, points, period);
        }
        throw new EvaluationException(call.function() + " takes a time series or an array of time series.");
    }

    private MathValue metrics(Call call, List<MathValue> arguments) {
        String filter = null;
        if (arguments.size() == 1 && arguments.get(0) instanceof Text text) {
            filter = text.text();
        } else if (!arguments.isEmpty()) {
            throw new EvaluationException("METRICS takes no argument or one string.");
        }
        List<Series> series = new ArrayList<>();
        for (Map.Entry<String, Series> metric : metrics) {
            if (filter == null || metric.getKey().contains(filter)) {
                series.add(metric.getValue());
            }
        }
        return new Array(series);
    }

    private Series change(Series series, boolean perSecond) {
        TreeMap<Long, Double> points = new TreeMap<>();
        Map.Entry<Long, Double> previous = null;
        for (Map.Entry<Long, Double> point : series.points().entrySet()) {
            if (previous != null) {
                double difference = point.getValue() - previous.getValue();
                putFinite(points, point.getKey(), perSecond ? difference / (point.getKey() - previous.getKey()) : difference);
            }
            previous = point;
        }
        return new Series(series.label(), points, series.period());
    }

    private MathValue fill(Call call, List<MathValue> arguments) {
        if (arguments.size() != 2) {
            throw new EvaluationException("FILL takes two arguments.");
        }
        MathValue how = arguments.get(1);
        return perSeries(arguments.get(0), series -> {
            TreeMap<Long, Double> points = new TreeMap<>(series.points());
            int period = Math.max(1, series.period());
            long first = start + Math.floorMod(
                    series.points().isEmpty() ? 0 : series.points().firstKey() - start, (long) period);
            for (long time = first; time < end; time += period) {
                if (points.containsKey(time)) {
                    continue;
                }
                Map.Entry<Long, Double> before = series.points().floorEntry(time);
                Map.Entry<Long, Double> after = series.points().ceilingEntry(time);
                switch (how) {
                    case Scalar scalar -> points.put(time, scalar.value());
                    case Text text when text.text().equals("REPEAT") -> {
                        if (before != null) {
                            points.put(time, before.getValue());
                        }
                    }
                    case Text text when text.text().equals("LINEAR") -> {
                        if (before != null && after != null) {
                            double fraction = (double) (time - before.getKey()) / (after.getKey() - before.getKey());
                            points.put(time, before.getValue() + fraction * (after.getValue() - before.getValue()));
                        }
                    }
                    default -> throw new EvaluationException("FILL's second argument must be a number, REPEAT or LINEAR.");
                }
            }
            return new Series(series.label(), points, series.period());
        });
    }

    private static MathValue single(Call call, List<MathValue> arguments) {
        if (arguments.size() != 1) {
            throw new EvaluationException(call.function() + " takes one argument.");
        }
        return arguments.get(0);
    }

    private static MathValue perSeries(MathValue value, Function<Series, Series> function) {
        return switch (value) {
            case Series series -> function.apply(series);
            case Array array -> new Array(array.series().stream().map(function).toList());
            default -> throw new EvaluationException("The function takes a time series or an array of time series.");
        };
    }

    private static MathValue map(MathValue value, DoubleUnaryOperator operator) {
        return switch (value) {
            case Scalar scalar -> new Scalar(operator.applyAsDouble(scalar.value()));
            case Series series -> mapSeries(series, operator);
            case Array array -> new Array(array.series().stream().map(series -> mapSeries(series, operator)).toList());
            case Text text -> throw new EvaluationException("A string cannot be used in arithmetic.");
        };
    }

    private static Series mapSeries(Series series, DoubleUnaryOperator operator) {
        TreeMap<Long, Double> points = new TreeMap<>();
        series.points().forEach((time, value) -> putFinite(points, time, operator.applyAsDouble(value)));
        return new Series(series.label(), points, series.period());
    }

    private static MathValue binary(char operator, MathValue left, MathValue right) {
        DoubleBinaryOperator operation = switch (operator) {
            case '+' -> Double::sum;
            case '-' -> (a, b) -> a - b;
            case '*' -> (a, b) -> a * b;
            case '/' -> (a, b) -> a / b;
            case '^' -> Math::pow;
            default -> throw new EvaluationException("Unknown operator " + operator + ".");
        };
        if (left instanceof Scalar a && right instanceof Scalar b) {
            return new Scalar(operation.applyAsDouble(a.value(), b.value()));
        }
        if (left instanceof Scalar a) {
            return map(right, value -> operation.applyAsDouble(a.value(), value));
        }
        if (right instanceof Scalar b) {
            return map(left, value -> operation.applyAsDouble(value, b.value()));
        }
        if (left instanceof Series a && right instanceof Series b) {
            return combine(a, b, operation);
        }
        if (left instanceof Array a && right instanceof Series b) {
            return new Array(a.series().stream().map(one -> combine(one, b, operation)).toList());
        }
        if (left instanceof Series a && right instanceof Array b) {
            return new Array(b.series().stream().map(one -> combine(a, one, operation)).toList());
        }
        if (left instanceof Array a && right instanceof Array b && a.series().size() == b.series().size()) {
            List<Series> combined = new ArrayList<>();
            for (int i = 0; i < a.series().size(); i++) {
                combined.add(combine(a.series().get(i), b.series().get(i), operation));
            }
            return new Array(combined);
        }
        throw new EvaluationException("The operator " + operator + " cannot be applied to these operands.");
    }

    private static Series combine(Series left, Series right, DoubleBinaryOperator operation) {
        TreeMap<Long, Double> points = new TreeMap<>();
        left.points().forEach((time, value) -> {
            Double other = right.points().get(time);
            if (other != null) {
                putFinite(points, time, operation.applyAsDouble(value, other));
            }
        });
        return new Series(left.label(), points, Math.max(left.period(), right.period()));
    }

    private static void putFinite(TreeMap<Long, Double> points, long time, double value) {
        if (Double.isFinite(value)) {
            points.put(time, value);
        }
    }
}
