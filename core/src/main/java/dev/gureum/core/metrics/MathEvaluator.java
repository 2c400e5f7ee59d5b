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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
            case Reference reference -> keyword(reference.id()) ? new Text(reference.id())
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

    private static boolean keyword(String word) {
        return word.equals("REPEAT") || word.equals("LINEAR");
    }

    private MathValue call(Call call) {
        List<MathValue> arguments = call.arguments().stream().map(this::evaluate).toList();
        return switch (call.function()) {
            case "SUM" -> reduce(call, arguments, Reducer.SUM);
            case "AVG" -> reduce(call, arguments, Reducer.AVG);
            case "MIN" -> reduce(call, arguments, Reducer.MIN);
            case "MAX" -> reduce(call, arguments, Reducer.MAX);
            case "ABS" -> map(single(call, arguments), Math::abs);
            case "METRICS" -> metrics(arguments);
            case "RATE" -> perSeries(single(call, arguments), series -> change(series, true));
            case "DIFF" -> perSeries(single(call, arguments), series -> change(series, false));
            case "FILL" -> fill(arguments);
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

    private static MathValue reduce(Call call, List<MathValue> arguments, Reducer reducer) {
        MathValue argument = single(call, arguments);
        if (argument instanceof Series series) {
            double accumulated = 0;
            Points points = series.points();
            for (int i = 0; i < points.size(); i++) {
                accumulated = reducer.apply(accumulated, i, points.value(i));
            }
            return new Scalar(points.isEmpty() ? Double.NaN : reducer.finish(accumulated, points.size()));
        }
        if (argument instanceof Array array) {
            long[] times = unionOfTimes(array.series());
            double[] accumulated = new double[times.length];
            int[] counts = new int[times.length];
            int period = 0;
            for (Series series : array.series()) {
                period = Math.max(period, series.period());
                Points points = series.points();
                int at = 0;
                for (int i = 0; i < points.size(); i++) {
                    while (times[at] != points.time(i)) {
                        at++;
                    }
                    accumulated[at] = reducer.apply(accumulated[at], counts[at]++, points.value(i));
                }
            }
            Points.Builder result = new Points.Builder(times.length);
            for (int i = 0; i < times.length; i++) {
                result.add(times[i], reducer.finish(accumulated[i], counts[i]));
            }
            return new Series(null, result.build(), period);
        }
        throw new EvaluationException(call.function() + " takes a time series or an array of time series.");
    }

    private static long[] unionOfTimes(List<Series> series) {
        int total = 0;
        for (Series one : series) {
            total += one.points().size();
        }
        long[] times = new long[total];
        int at = 0;
        for (Series one : series) {
            for (int i = 0; i < one.points().size(); i++) {
                times[at++] = one.points().time(i);
            }
        }
        Arrays.sort(times);
        int unique = 0;
        for (int i = 0; i < times.length; i++) {
            if (i == 0 || times[i] != times[unique - 1]) {
                times[unique++] = times[i];
            }
        }
        return Arrays.copyOf(times, unique);
    }

    private MathValue metrics(List<MathValue> arguments) {
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

    private static Series change(Series series, boolean perSecond) {
        Points points = series.points();
        Points.Builder result = new Points.Builder(points.size());
        for (int i = 1; i < points.size(); i++) {
            double difference = points.value(i) - points.value(i - 1);
            result.add(points.time(i), perSecond ? difference / (points.time(i) - points.time(i - 1)) : difference);
        }
        return new Series(series.label(), result.build(), series.period());
    }

    private MathValue fill(List<MathValue> arguments) {
        if (arguments.size() != 2) {
            throw new EvaluationException("FILL takes two arguments.");
        }
        MathValue how = arguments.get(1);
        if (!(how instanceof Scalar) && !(how instanceof Text text && keyword(text.text()))) {
            throw new EvaluationException("FILL's second argument must be a number, REPEAT or LINEAR.");
        }
        return perSeries(arguments.get(0), series -> {
            Points points = series.points();
            int period = Math.max(1, series.period());
            long first = start + (points.isEmpty() ? 0 : Math.floorMod(points.time(0) - start, (long) period));
            Points.Builder result = new Points.Builder((int) Math.max(points.size(), (end - first) / period + 1));
            int next = 0;
            for (long time = first; time < end || next < points.size(); ) {
                boolean takePoint = next < points.size() && (time >= end || points.time(next) <= time);
                if (takePoint) {
                    long pointTime = points.time(next);
                    result.add(pointTime, points.value(next));
                    next++;
                    if (pointTime == time) {
                        time += period;
                    }
                    continue;
                }
                Double value = switch (how) {
                    case Scalar scalar -> scalar.value();
                    case Text text when text.text().equals("REPEAT") -> next > 0 ? points.value(next - 1) : null;
                    default -> next > 0 && next < points.size() ? points.value(next - 1)
                            + (double) (time - points.time(next - 1)) / (points.time(next) - points.time(next - 1))
                            * (points.value(next) - points.value(next - 1)) : null;
                };
                if (value != null) {
                    result.add(time, value);
                }
                time += period;
            }
            return new Series(series.label(), result.build(), series.period());
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
        Points points = series.points();
        Points.Builder result = new Points.Builder(points.size());
        for (int i = 0; i < points.size(); i++) {
            result.add(points.time(i), operator.applyAsDouble(points.value(i)));
        }
        return new Series(series.label(), result.build(), series.period());
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
            return combine(a, b, operation, a.label());
        }
        if (left instanceof Array a && right instanceof Series b) {
            return new Array(a.series().stream().map(one -> combine(one, b, operation, one.label())).toList());
        }
        if (left instanceof Series a && right instanceof Array b) {
            return new Array(b.series().stream().map(one -> combine(a, one, operation, one.label())).toList());
        }
        if (left instanceof Array a && right instanceof Array b && a.series().size() == b.series().size()) {
            List<Series> combined = new ArrayList<>();
            for (int i = 0; i < a.series().size(); i++) {
                combined.add(combine(a.series().get(i), b.series().get(i), operation, a.series().get(i).label()));
            }
            return new Array(combined);
        }
        throw new EvaluationException("The operator " + operator + " cannot be applied to these operands.");
    }

    /** The operation at every timestamp both series have (a merge of two sorted series). */
    private static Series combine(Series left, Series right, DoubleBinaryOperator operation, String label) {
        Points a = left.points();
        Points b = right.points();
        Points.Builder result = new Points.Builder(Math.min(a.size(), b.size()));
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            long ta = a.time(i);
            long tb = b.time(j);
            if (ta == tb) {
                result.add(ta, operation.applyAsDouble(a.value(i++), b.value(j++)));
            } else if (ta < tb) {
                i++;
            } else {
                j++;
            }
        }
        return new Series(label, result.build(), Math.max(left.period(), right.period()));
    }
}
