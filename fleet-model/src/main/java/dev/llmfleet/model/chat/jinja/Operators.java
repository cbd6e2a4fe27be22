package dev.llmfleet.model.chat.jinja;

import java.util.ArrayList;
import java.util.List;

/** Python's arithmetic and comparison operators: int stays int, {@code /} gives float, floor division and modulo follow the divisor's sign. */
final class Operators {

    private Operators() {}

    static Object arithmetic(String op, Object a, Object b) {
        if (a instanceof Undefined u) {
            throw u.error();
        }
        if (b instanceof Undefined u && !(a instanceof String && op.equals("%"))) {
            throw u.error();
        }
        if (Py.isNumber(a) && Py.isNumber(b)) {
            return Py.isInteger(a) && Py.isInteger(b)
                    ? integer(op, Py.toLong(a), Py.toLong(b))
                    : floating(op, Py.toDouble(a), Py.toDouble(b));
        }
        switch (op) {
            case "+" -> {
                if (a instanceof String sa && b instanceof String sb) {
                    Limits.checkSize((long) sa.length() + sb.length());
                    return sa + sb;
                }
                if (a instanceof List<?> la
                        && b instanceof List<?> lb
                        && (a instanceof Tuple) == (b instanceof Tuple)) {
                    Limits.checkSize((long) la.size() + lb.size());
                    List<Object> joined = new ArrayList<>(la);
                    joined.addAll(lb);
                    return a instanceof Tuple ? new Tuple(joined) : joined;
                }
            }
            case "*" -> {
                if (Py.isInteger(b) && (a instanceof String || a instanceof List)) {
                    return repeat(a, Py.toLong(b));
                }
                if (Py.isInteger(a) && (b instanceof String || b instanceof List)) {
                    return repeat(b, Py.toLong(a));
                }
            }
            case "%" -> {
                if (a instanceof String format) {
                    return StrFormat.percent(format, b);
                }
            }
            default -> {}
        }
        throw new JinjaException(
                "unsupported operand type(s) for " + op + ": '" + Py.typeName(a) + "' and '" + Py.typeName(b) + "'");
    }

    private static Object repeat(Object seq, long times) {
        if (times <= 0) {
            return seq instanceof String ? "" : seq instanceof Tuple ? new Tuple(List.of()) : new ArrayList<>();
        }
        if (seq instanceof String s) {
            Limits.checkSize(s.length() * times);
            return s.repeat((int) times);
        }
        List<?> l = (List<?>) seq;
        Limits.checkSize(l.size() * times);
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < times; i++) {
            out.addAll(l);
        }
        return seq instanceof Tuple ? new Tuple(out) : out;
    }

    private static Object integer(String op, long a, long b) {
        try {
            return switch (op) {
                case "+" -> Math.addExact(a, b);
                case "-" -> Math.subtractExact(a, b);
                case "*" -> Math.multiplyExact(a, b);
                case "/" -> {
                    zeroCheck(b == 0);
                    yield (double) a / (double) b;
                }
                case "//" -> {
                    zeroCheck(b == 0);
                    yield Math.floorDiv(a, b);
                }
                case "%" -> {
                    zeroCheck(b == 0);
                    yield Math.floorMod(a, b);
                }
                case "**" -> {
                    zeroCheck(a == 0 && b < 0);
                    yield b < 0 ? (Object) Math.pow(a, b) : (Object) power(a, b);
                }
                default -> throw new JinjaException("unknown operator " + op);
            };
        } catch (ArithmeticException e) {
            throw new JinjaException("integer overflow in " + op);
        }
    }

    private static long power(long base, long exp) {
        long result = 1;
        for (long i = 0; i < exp; i++) {
            result = Math.multiplyExact(result, base);
            if (result == 0 || result == 1 && base == 1) {
                return result;
            }
            if (base == -1) {
                return exp % 2 == 0 ? 1 : -1;
            }
        }
        return result;
    }

    private static Object floating(String op, double a, double b) {
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> {
                zeroCheck(b == 0);
                yield a / b;
            }
            case "//" -> {
                zeroCheck(b == 0);
                yield Math.floor(a / b);
            }
            case "%" -> {
                zeroCheck(b == 0);
                double r = a % b;
                yield r != 0 && (r < 0) != (b < 0) ? r + b : r;
            }
            case "**" -> {
                if (a == 0 && b < 0) {
                    throw new JinjaException("0.0 cannot be raised to a negative power");
                }
                yield Math.pow(a, b);
            }
            default -> throw new JinjaException("unknown operator " + op);
        };
    }

    private static void zeroCheck(boolean zero) {
        if (zero) {
            throw new JinjaException("division by zero");
        }
    }

    static Object negate(Object v) {
        return switch (v) {
            case null -> throw new JinjaException("bad operand type for unary -: 'NoneType'");
            case Boolean b -> b ? -1L : 0L;
            case Long l -> {
                if (l == Long.MIN_VALUE) {
                    throw new JinjaException("integer overflow in -");
                }
                yield -l;
            }
            case Double d -> -d;
            case Undefined u -> throw u.error();
            default -> throw new JinjaException("bad operand type for unary -: '" + Py.typeName(v) + "'");
        };
    }

    static Object positive(Object v) {
        return switch (v) {
            case null -> throw new JinjaException("bad operand type for unary +: 'NoneType'");
            case Boolean b -> b ? 1L : 0L;
            case Long l -> l;
            case Double d -> d;
            case Undefined u -> throw u.error();
            default -> throw new JinjaException("bad operand type for unary +: '" + Py.typeName(v) + "'");
        };
    }

    static boolean compare(String op, Object a, Object b) {
        return switch (op) {
            case "==" -> Py.eq(a, b);
            case "!=" -> !Py.eq(a, b);
            case "<" -> Py.compare(a, b, op) < 0;
            case "<=" -> Py.compare(a, b, op) <= 0;
            case ">" -> Py.compare(a, b, op) > 0;
            case ">=" -> Py.compare(a, b, op) >= 0;
            case "in" -> Py.contains(b, a);
            case "not in" -> !Py.contains(b, a);
            default -> throw new JinjaException("unknown operator " + op);
        };
    }
}
