#!/usr/bin/env python3
"""Regenerates the expected outputs that JinjaTemplate's tests compare against, byte for byte.

Renders with Python's jinja2 (3.1) in the environment Hugging Face transformers builds for chat
templates (transformers/utils/chat_template_utils.py: ImmutableSandboxedEnvironment with
trim_blocks, lstrip_blocks, loop controls, the {% generation %} tag, raise_exception, strftime_now and
a json.dumps-based tojson). Only jinja2 is needed, not transformers.

Writes, under fleet-model/src/test/resources/dev/llmfleet/model/chat/jinja/:
  feature_cases.json        small templates, one jinja2 feature each
  chat_template_cases.json  the real chat templates in templates/*.jinja over a set of conversations
  strftime_cases.json       strftime directives on a fixed datetime

Run from anywhere: python3 fleet-model/src/test/python/render_chat_templates.py
"""

import json
from datetime import datetime
from pathlib import Path

import jinja2
from jinja2.ext import Extension, loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment

RESOURCES = Path(__file__).resolve().parents[1] / "resources" / "dev" / "llmfleet" / "model" / "chat" / "jinja"


class AssistantTracker(Extension):
    """transformers' AssistantTracker: records where each {% generation %} block's text lands."""

    tags = {"generation"}

    def __init__(self, environment):
        super().__init__(environment)
        environment.extend(activate_tracker=self.activate_tracker)
        self._rendered_blocks = None
        self._generation_indices = None

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(["name:endgeneration"], drop_needle=True)
        return jinja2.nodes.CallBlock(self.call_method("_generation_support"), [], [], body).set_lineno(lineno)

    @jinja2.pass_eval_context
    def _generation_support(self, context, caller):
        rv = caller()
        if self._rendered_blocks is not None:
            start_index = len("".join(self._rendered_blocks))
            self._generation_indices.append((start_index, start_index + len(rv)))
        return rv

    def activate_tracker(self, rendered_blocks, generation_indices):
        self._rendered_blocks = rendered_blocks
        self._generation_indices = generation_indices


def raise_exception(message):
    raise jinja2.exceptions.TemplateError(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def strftime_now(format):
    return datetime.now().strftime(format)


def environment():
    env = ImmutableSandboxedEnvironment(
        trim_blocks=True, lstrip_blocks=True, extensions=[AssistantTracker, loopcontrols]
    )
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = strftime_now
    return env


ENV = environment()


def utf16_index(text, index):
    """Java strings count UTF-16 units, Python counts code points; the Java side needs the former."""
    return len(text[:index].encode("utf-16-le")) // 2


def render(source, variables, track=False):
    """The expected outcome of one render: text (and spans) or the error jinja2 raised."""
    # Round-trip through JSON so Python renders exactly the values the Java test will load.
    variables = json.loads(json.dumps(variables))
    try:
        template = ENV.from_string(source)
        if not track:
            return {"expected": template.render(**variables)}
        blocks, spans = [], []
        ENV.activate_tracker(blocks, spans)
        try:
            for chunk in template.generate(**variables):
                blocks.append(chunk)
        finally:
            ENV.activate_tracker(None, None)
        text = "".join(blocks)
        return {
            "expected": text,
            "generation_spans": [[utf16_index(text, s), utf16_index(text, e)] for s, e in spans],
        }
    except Exception as e:  # noqa: BLE001 - every jinja2 failure is an expected outcome here
        return {"error": str(e), "error_type": type(e).__name__}


# ---------------------------------------------------------------- conversations for real templates

WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_current_temperature",
        "description": "Get the current temperature at a location.",
        "parameters": {
            "type": "object",
            "properties": {
                "location": {"type": "string", "description": 'The location, in the format "City, Country".'},
                "unit": {"type": "string", "enum": ["celsius", "fahrenheit"], "description": "The unit."},
                "precision": {"type": "number", "description": "Decimal places", "default": 0.5},
            },
            "required": ["location"],
        },
    },
}
TIME_TOOL = {
    "type": "function",
    "function": {
        "name": "get_time",
        "description": "Zeit in einer Stadt abfragen — ünïcödé in a schema.",
        "parameters": {"type": "object", "properties": {"city": {"type": "string"}}, "required": ["city"]},
    },
}

CONVERSATIONS = {
    "user_only": {"messages": [{"role": "user", "content": "Hello, who are you?"}]},
    "system_user": {
        "messages": [
            {"role": "system", "content": "You are a helpful assistant."},
            {"role": "user", "content": "What is 2+2?"},
        ]
    },
    "multi_turn": {
        "messages": [
            {"role": "system", "content": "You are terse."},
            {"role": "user", "content": "What is 2+2?"},
            {"role": "assistant", "content": "4."},
            {"role": "user", "content": "And 3+3?"},
        ]
    },
    "thinking_earlier_turn": {
        "messages": [
            {"role": "user", "content": "What is 2+2?"},
            {"role": "assistant", "content": "<think>\nTwo plus two.\n</think>\n\nIt is 4."},
            {"role": "user", "content": "And 3+3?"},
        ]
    },
    "thinking_last_turn": {
        "messages": [
            {"role": "system", "content": "Think first."},
            {"role": "user", "content": "What is 2+2?"},
            {"role": "assistant", "content": "It is 4."},
            {"role": "user", "content": "And 3+3?"},
            {"role": "assistant", "content": "<think>\nThree plus three is six.\n</think>\n\nIt is 6."},
        ]
    },
    "tools": {
        "messages": [
            {"role": "system", "content": "You can call tools."},
            {"role": "user", "content": "How warm is it in Paris?"},
            {
                "role": "assistant",
                "content": "",
                "tool_calls": [
                    {
                        "id": "call12345",
                        "type": "function",
                        "function": {
                            "name": "get_current_temperature",
                            "arguments": {"location": "Paris, France", "unit": "celsius"},
                        },
                    }
                ],
            },
            {"role": "tool", "name": "get_current_temperature", "tool_call_id": "call12345", "content": "22.5"},
            {"role": "assistant", "content": "It is 22.5 °C in Paris."},
            {"role": "user", "content": "Thanks!"},
        ],
        "tools": [WEATHER_TOOL, TIME_TOOL],
    },
    "non_ascii": {
        "messages": [
            {"role": "system", "content": "Réponds en français, s'il te plaît. 你好"},
            {"role": "user", "content": "Ça va? Ünïcödé ✓ and an emoji 🎉 and \u00a0no-break space"},
            {"role": "assistant", "content": "Très bien, merci ! 😊"},
            {"role": "user", "content": "Καλημέρα — ¿qué tal?"},
        ]
    },
    "braces_and_quotes": {
        "messages": [
            {"role": "user", "content": "Render {{ this }} and {% raw %} and {# that #} with 'single' and \"double\" quotes"},
            {"role": "assistant", "content": "Back\\slash, tab\tand a {\"json\": [1, 2]} blob"},
            {"role": "user", "content": "  leading and trailing spaces  \n"},
        ]
    },
}

SPECIAL_TOKENS = {"bos_token": "<s>", "eos_token": "</s>"}
TEMPLATE_TOKENS = {
    "llama3.1-instruct": {"bos_token": "<|begin_of_text|>", "eos_token": "<|eot_id|>"},
    "llama3.2-instruct": {"bos_token": "<|begin_of_text|>", "eos_token": "<|eot_id|>"},
    "llama3.2-vision-instruct": {"bos_token": "<|begin_of_text|>", "eos_token": "<|eot_id|>"},
    "deepseek-r1": {"bos_token": "<｜begin▁of▁sentence｜>", "eos_token": "<｜end▁of▁sentence｜>"},
    "deepseek-v3": {"bos_token": "<｜begin▁of▁sentence｜>", "eos_token": "<｜end▁of▁sentence｜>"},
    "deepseek-r1-distill-llama": {"bos_token": "<｜begin▁of▁sentence｜>", "eos_token": "<｜end▁of▁sentence｜>"},
    "gemma2": {"bos_token": "<bos>", "eos_token": "<eos>"},
    "gemma3": {"bos_token": "<bos>", "eos_token": "<eos>"},
    "phi3": {"bos_token": "<s>", "eos_token": "<|endoftext|>"},
    "phi4": {"bos_token": "<|endoftext|>", "eos_token": "<|im_end|>"},
}

# Extra variables per template, each a separate set of cases. A fixed date keeps Llama deterministic.
TEMPLATE_EXTRAS = {
    "qwen3": [{}, {"enable_thinking": True}, {"enable_thinking": False}],
    "qwen3.5": [{}, {"enable_thinking": False}],
    "smollm3": [{"enable_thinking": True}, {"enable_thinking": False}],
    "llama3.1-instruct": [{"date_string": "26 Jul 2024"}],
    "llama3.2-instruct": [{"date_string": "02 Dec 2025"}],
    "llama3.2-vision-instruct": [{"date_string": "02 Dec 2025"}],
}

# Templates that print strftime_now("%d %B %Y") unconditionally: the expected text keeps the date
# rendered here, and the case names it so the Java test can swap in its own today.
CLOCK_FORMATS = {"smollm3": "%d %B %Y"}


def chat_cases():
    cases = []
    for path in sorted((RESOURCES / "templates").glob("*.jinja")):
        name = path.stem
        source = path.read_text(encoding="utf-8")
        tokens = TEMPLATE_TOKENS.get(name, SPECIAL_TOKENS)
        for extra in TEMPLATE_EXTRAS.get(name, [{}]):
            for conversation, chat in CONVERSATIONS.items():
                for add_generation_prompt in (True, False):
                    variables = {**tokens, **extra, "add_generation_prompt": add_generation_prompt}
                    case = {
                        "id": case_id(name, conversation, extra, add_generation_prompt),
                        "template": path.name,
                        "conversation": conversation,
                        "variables": variables,
                    }
                    case.update(render(source, {**chat, **variables}, track="generation" in source))
                    if name in CLOCK_FORMATS and "expected" in case:
                        case["today_format"] = CLOCK_FORMATS[name]
                        case["today_rendered"] = datetime.now().strftime(CLOCK_FORMATS[name])
                    cases.append(case)
    return {"conversations": CONVERSATIONS, "cases": cases}


def case_id(name, conversation, extra, add_generation_prompt):
    parts = [name, conversation]
    parts += [f"{k}={v}" for k, v in extra.items() if k != "date_string"]
    parts.append("generation_prompt" if add_generation_prompt else "no_generation_prompt")
    return "/".join(parts)


# ---------------------------------------------------------------- small feature templates

MSGS = [
    {"role": "system", "content": "sys"},
    {"role": "user", "content": "hi"},
    {"role": "assistant", "content": "hello", "tool_calls": [{"function": {"name": "f", "arguments": {"a": 1}}}]},
    {"role": "user", "content": "bye"},
]
USERS = [{"name": "Ann", "age": 31, "tags": ["a", "b"]}, {"name": "bob", "age": 25}, {"name": "Cid", "age": 31}]

FEATURE_CASES = [
    # whitespace control: trim_blocks, lstrip_blocks, -, +
    ("text only", "Hello\nWorld\n", {}),
    ("trailing newline kept when two", "Hello\n\n", {}),
    ("crlf normalised", "a\r\nb\rc", {}),
    ("trim_blocks eats one newline", "{% if true %}\nyes\n{% endif %}\nafter", {}),
    ("lstrip_blocks strips indentation", "start\n    {% if true %}\n    in\n    {% endif %}\nend", {}),
    ("lstrip does not touch expressions", "a\n    {{ 'x' }}\nb", {}),
    ("minus strips both sides", "a   \n  {%- if true -%}  \n  b  \n  {%- endif -%}  \n c", {}),
    ("minus on expressions", "a \n {{- 'x' -}} \n b", {}),
    ("plus disables trim_blocks", "{% if true +%}\nkept\n{% endif %}", {}),
    ("plus disables lstrip", "x\n    {%+ if true %}y{% endif %}", {}),
    ("comment with trim", "a\n{# comment #}\nb", {}),
    ("comment minus", "a  {#- c -#}  b", {}),
    ("comment lstrip", "a\n   {# c #}\nb", {}),
    ("tag after text on same line not lstripped", "a  {% if true %}b{% endif %}", {}),
    ("raw block", "{% raw %}{{ not rendered }} {% if %}{% endraw %}", {}),
    ("raw with minus", "a  {%- raw -%}  {{ x }}  {%- endraw -%}  b", {}),
    ("newline after print kept", "{{ 'a' }}\n{{ 'b' }}\n", {}),
    ("minus then trim", "{% for i in [1,2] -%}\n  {{ i }}\n{%- endfor %}\nend", {}),
    ("nested indentation", "{% for i in [1, 2] %}\n  {% if i == 2 %}\n    two\n  {% else %}\n    other\n  {% endif %}\n{% endfor %}", {}),
    ("whitespace inside tags", "{%if true%}a{%endif%}{{1}}", {}),
    # literals and printing
    ("string escapes", r"""{{ 'a\nb\tc\\d\'e"f' }}|{{ "x\"y" }}|{{ '\u00e9\x41\N{BULLET}' }}|{{ '\d' }}""", {}),
    ("adjacent strings concatenate", "{{ 'a' 'b' \"c\" }}", {}),
    ("integers and floats", "{{ 1 }} {{ 1.0 }} {{ 1.5e3 }} {{ 1_000 }} {{ 0x1F }} {{ 2.50 }} {{ 1e-7 }} {{ 123456789.0 }} {{ 1e22 }}", {}),
    ("booleans and none", "{{ true }} {{ True }} {{ false }} {{ False }} {{ none }} {{ None }}", {}),
    ("print list and dict", "{{ [1, 'a', none, true, 2.5] }} {{ {'k': 'v', 'n': [1]} }} {{ (1, 'b') }} {{ (1,) }} {{ () }}", {}),
    ("print repr of strings with quotes", """{{ ["it's", 'say "hi"', "both ' and \\"", 'tab\\t', 'é'] }}""", {}),
    ("print nested variables", "{{ messages[2] }}", {"messages": MSGS}),
    ("print floats", "{{ 0.1 + 0.2 }} {{ 1/3 }} {{ 10/2 }} {{ 2**0.5 }} {{ 1e16 }} {{ 12345678901234567.0 }} {{ 0.0001 }} {{ 0.00001 }} {{ -0.0 }}", {}),
    ("undefined prints empty", "[{{ missing }}]", {}),
    ("tuple expression in print", "{{ 1, 2 }}", {}),
    # expressions
    ("arithmetic", "{{ 1 + 2 * 3 }} {{ (1 + 2) * 3 }} {{ 7 / 2 }} {{ 7 // 2 }} {{ -7 // 2 }} {{ 7 % 3 }} {{ -7 % 3 }} {{ 7 % -3 }} {{ 2 ** 10 }} {{ 2 ** -1 }}", {}),
    ("float arithmetic", "{{ 7.5 // 2 }} {{ -7.5 % 2 }} {{ 1.5 * 2 }} {{ 3 - 0.5 }}", {}),
    ("pow is left associative in jinja", "{{ 2 ** 3 ** 2 }} {{ -2 ** 2 }}", {}),
    ("unary minus and plus", "{{ -x }} {{ +x }} {{ - -x }} {{ -1.5 }}", {"x": 3}),
    ("string concatenation", "{{ 'a' + 'b' }} {{ 'a' ~ 1 ~ none ~ true }} {{ 'ab' * 3 }} {{ [1] * 2 }} {{ [1] + [2, 3] }}", {}),
    ("tilde with undefined", "[{{ 'a' ~ missing ~ 'b' }}]", {}),
    ("comparisons", "{{ 1 < 2 }} {{ 2 <= 2 }} {{ 3 > 4 }} {{ 'a' < 'b' }} {{ 1 == 1.0 }} {{ true == 1 }} {{ 'a' != 'b' }} {{ [1,2] == [1,2] }} {{ [1, 2] < [1, 3] }} {{ none == none }}", {}),
    ("chained comparison", "{{ 1 < 2 < 3 }} {{ 1 < 3 < 2 }} {{ 1 == 1 != 2 }}", {}),
    ("in and not in", "{{ 'b' in 'abc' }} {{ 2 in [1, 2] }} {{ 'k' in {'k': 1} }} {{ 'z' not in 'abc' }} {{ 3 not in [1] }} {{ 'x' in missing }}", {}),
    ("and or return operands", "{{ 0 or 'x' }} {{ 'a' and 'b' }} {{ '' and 'b' }} {{ none or [] }} {{ [] or 0 }} {{ 1 and 0 }}", {}),
    ("not", "{{ not true }} {{ not '' }} {{ not [1] }} {{ not missing }} {{ not 0 }}", {}),
    ("truthiness", "{% for v in [0, 1, 0.0, '', 'a', [], [0], {}, none, true] %}{{ 'T' if v else 'F' }}{% endfor %}", {}),
    ("conditional expression", "{{ 'yes' if x else 'no' }} [{{ 'only' if not x }}] {{ 'a' if false else 'b' if true else 'c' }}", {"x": 0}),
    ("attribute and item access", "{{ d.a }} {{ d['a'] }} {{ d.b.c }} {{ d['b']['c'] }} {{ l[0] }} {{ l[-1] }} {{ l.1 }}", {"d": {"a": 1, "b": {"c": 2}}, "l": [10, 20, 30]}),
    ("missing key is undefined", "[{{ d.x }}][{{ d['x'] }}][{{ l[5] }}][{{ d.x is defined }}]", {"d": {"a": 1}, "l": [1]}),
    ("dict method beats key on dot", "{{ d.items is defined }} {{ d['items'] }}", {"d": {"items": 1}}),
    ("string index", "{{ s[0] }} {{ s[-1] }} {{ s[1:3] }} {{ s[::-1] }} {{ s[::2] }}", {"s": "hello"}),
    ("list slices", "{{ l[1:] }} {{ l[:-1] }} {{ l[::-1] }} {{ l[-2:] }} {{ l[1:4:2] }} {{ l[10:] }} {{ l[::-2] }} {{ l[4:1:-1] }}", {"l": [0, 1, 2, 3, 4, 5]}),
    ("slices of tuples stay tuples", "{{ (1, 2, 3)[1:] }}", {}),
    ("list and dict literals with trailing comma", "{{ [1, 2,] }} {{ {'a': 1,} }}", {}),
    ("dict literal with expression keys", "{% set k = 'x' %}{{ {k: 1, 'y' ~ 1: 2, 3: 'three'} }}", {}),
    ("nested data access", "{{ messages[2].tool_calls[0].function.arguments.a }}", {"messages": MSGS}),
    ("filter precedence over arithmetic", "{{ messages|length - 1 }} {{ 'a' + ' b '|trim + 'c' }} {{ -1|abs }}", {"messages": MSGS}),
    ("is test precedence", "{{ not x is none }} {{ x is not none and true }} {{ 1 + 1 is even }}", {"x": 1}),
    ("unicode in strings", "{{ 'héllo wörld 🎉'|upper }} {{ '🎉a'|length }} {{ '🎉ab'[1] }} {{ 'a🎉b'[::-1] }}", {}),
    # statements
    ("if elif else", "{% for x in [1, 2, 3] %}{% if x == 1 %}one{% elif x == 2 %}two{% else %}many{% endif %} {% endfor %}", {}),
    ("for with loop variables", "{% for x in 'abc' %}{{ loop.index }}{{ loop.index0 }}{{ loop.revindex }}{{ loop.revindex0 }}{{ loop.first }}{{ loop.last }}{{ loop.length }}|{% endfor %}", {}),
    ("loop previtem nextitem", "{% for x in [1, 2, 3] %}[{{ loop.previtem }}-{{ x }}-{{ loop.nextitem }}]{% endfor %}", {}),
    ("loop cycle", "{% for x in range(5) %}{{ loop.cycle('odd', 'even') }} {% endfor %}", {}),
    ("loop changed", "{% for x in [1, 1, 2, 2, 1] %}{{ loop.changed(x) }} {% endfor %}", {}),
    ("for with filter condition", "{% for x in range(10) if x is odd %}{{ x }}{{ ',' if not loop.last }}{% endfor %} len", {}),
    ("loop length with filter", "{% for x in range(10) if x > 6 %}{{ loop.length }}{% endfor %}", {}),
    ("for else", "{% for x in [] %}x{% else %}empty{% endfor %}{% for x in [1] %}{{ x }}{% else %}empty{% endfor %}", {}),
    ("for else with filter", "{% for x in [1, 2] if x > 5 %}x{% else %}none matched{% endfor %}", {}),
    ("for tuple unpacking", "{% for k, v in d.items() %}{{ k }}={{ v }};{% endfor %}{% for a, b in [[1, 2], (3, 4)] %}{{ a + b }}{% endfor %}", {"d": {"x": 1, "y": 2}}),
    ("for over dict gives keys", "{% for k in d %}{{ k }}{% endfor %}", {"d": {"x": 1, "y": 2}}),
    ("for over string", "{% for c in 'héllo' %}{{ c }}.{% endfor %}", {}),
    ("for over undefined renders nothing", "[{% for x in missing %}x{% endfor %}]", {}),
    ("for over none fails", "{% for x in none %}x{% endfor %}", {}),
    ("nested loops and outer loop", "{% for a in [1, 2] %}{% set outer = loop %}{% for b in 'xy' %}{{ outer.index }}{{ loop.index }}{{ b }} {% endfor %}{% endfor %}", {}),
    ("break and continue", "{% for x in range(10) %}{% if x == 2 %}{% continue %}{% endif %}{% if x == 5 %}{% break %}{% endif %}{{ x }}{% endfor %}", {}),
    ("break in nested loop breaks inner only", "{% for a in [1, 2] %}{% for b in [1, 2, 3] %}{% if b == 2 %}{% break %}{% endif %}{{ a }}{{ b }} {% endfor %}{% endfor %}", {}),
    ("recursive loop", "{% for item in tree recursive %}{{ item.name }}{% if item.children %}({{ loop(item.children) }}){% endif %}{% endfor %}", {"tree": [{"name": "a", "children": [{"name": "b"}, {"name": "c", "children": [{"name": "d"}]}]}, {"name": "e"}]}),
    ("loop depth in recursion", "{% for item in tree recursive %}{{ loop.depth }}{{ loop.depth0 }}{% if item.children %}{{ loop(item.children) }}{% endif %}{% endfor %}", {"tree": [{"children": [{"children": []}]}]}),
    ("set and print", "{% set x = 42 %}{{ x }}{% set a, b = 1, 2 %}{{ a }}{{ b }}{% set t = 1, 2 %}{{ t }}", {}),
    ("set in loop does not leak", "{% set x = 0 %}{% for i in range(3) %}{% set x = x + i %}{{ x }}{% endfor %}|{{ x }}", {}),
    ("set in if leaks", "{% if true %}{% set y = 'leak' %}{% endif %}{{ y }}", {}),
    ("set in loop iteration is per iteration", "{% for i in range(3) %}{% if i == 1 %}{% set y = 'set' %}{% endif %}[{{ y }}]{% endfor %}", {}),
    ("namespace carries loop state", "{% set ns = namespace(count=0, names=[]) %}{% for u in users %}{% set ns.count = ns.count + 1 %}{% set ns.names = ns.names + [u.name] %}{% endfor %}{{ ns.count }} {{ ns.names }}", {"users": USERS}),
    ("namespace from dict and attribute missing", "{% set ns = namespace({'a': 1}, b=2) %}{{ ns.a }}{{ ns.b }}[{{ ns.c }}]{{ ns['a'] }}", {}),
    ("set attribute on non namespace fails", "{% set d = {} %}{% set d.x = 1 %}", {}),
    ("block set", "{% set body %}\nline {{ 1 + 1 }}\n{% endset %}[{{ body }}]", {}),
    ("block set with filter", "{% set shout | upper | trim %}  hello {{ name }}  {% endset %}[{{ shout }}]", {"name": "ann"}),
    ("variables shadowing input", "{% set messages = messages[1:] %}{{ messages|length }}", {"messages": MSGS}),
    ("with block scopes", "{% with a = 1, b = 2 %}{{ a + b }}{% set c = 3 %}{% endwith %}[{{ a }}{{ c }}]", {}),
    ("macro positional defaults keywords", "{% macro greet(name, greeting='Hello', punct='!') %}{{ greeting }}, {{ name }}{{ punct }}{% endmacro %}{{ greet('Ann') }} {{ greet('Bob', 'Hi') }} {{ greet('Cid', punct='?') }} {{ greet(name='Dee', greeting='Yo') }}", {}),
    ("macro sees globals and caller scope at call", "{% macro m() %}{{ x }}-{{ later }}{% endmacro %}{% set later = 'L' %}{{ m() }}", {"x": "X"}),
    ("macro local set does not leak", "{% set x = 1 %}{% macro m() %}{% set x = 2 %}{{ x }}{% endmacro %}{{ m() }}{{ x }}", {}),
    ("macro missing argument is undefined", "{% macro m(a, b) %}[{{ a }}][{{ b }}][{{ b is defined }}]{% endmacro %}{{ m(1) }}", {}),
    ("macro too many arguments fails", "{% macro m(a) %}{{ a }}{% endmacro %}{{ m(1, 2) }}", {}),
    ("macro output in expression", "{% macro wrap(x) %}<{{ x }}>{% endmacro %}{{ wrap('a') + wrap('b') }} {{ wrap('c')|length }}", {}),
    ("macro recursion", "{% macro fact(n) %}{% if n <= 1 %}1{% else %}{{ n * fact(n - 1)|int }}{% endif %}{% endmacro %}{{ fact(5) }}", {}),
    ("macro with whitespace control", "{% macro m(x) -%}\n  [{{ x }}]\n{%- endmacro %}\n{{ m(1) }}\n{{ m(2) }}", {}),
    ("call block", "{% macro box(title) %}[{{ title }}: {{ caller() }}]{% endmacro %}{% call box('t') %}inside {{ 1 + 1 }}{% endcall %}", {}),
    ("call block with arguments", "{% macro each(items) %}{% for i in items %}{{ caller(i) }}{% endfor %}{% endmacro %}{% call(x) each([1, 2]) %}<{{ x }}>{% endcall %}", {}),
    ("filter block", "{% filter upper %}hello {{ 'world' }}{% endfilter %}|{% filter replace('a', 'o')|title %}banana bread{% endfilter %}", {}),
    ("generation block spans", "{% for m in messages %}{{ m.role }}: {% if m.role == 'assistant' %}{% generation %}{{ m.content }}!{% endgeneration %}{% else %}{{ m.content }}{% endif %}\n{% endfor %}", {"messages": MSGS}),
    ("generation block with whitespace control", "A\n{%- generation -%}\n  text  \n{%- endgeneration %}\nB", {}),
    ("raise_exception", "{% if x %}{{ raise_exception('Conversation roles must alternate user/assistant/user/assistant/...') }}{% endif %}", {"x": True}),
    ("raise_exception with concatenated message", "{{ raise_exception('Bad role: ' + role) }}", {"role": "robot"}),
    # undefined behaviour
    ("undefined attribute on dict is falsy", "{% if m.tool_calls %}yes{% else %}no{% endif %} {{ m.tool_calls is defined }} {{ m.tool_calls is undefined }}", {"m": {"role": "user"}}),
    ("attribute of undefined fails", "{{ missing.attr }}", {}),
    ("attribute of missing key fails", "{{ m.tool_calls.first }}", {"m": {}}),
    ("undefined in arithmetic fails", "{{ missing + 1 }}", {}),
    ("undefined comparison fails", "{{ missing < 1 }}", {}),
    ("undefined equality", "{{ missing == none }} {{ missing == missing2 }} {{ missing != 1 }}", {}),
    ("undefined through filters", "[{{ missing|length }}][{{ missing|upper }}][{{ missing|trim }}][{{ missing|default('d') }}][{{ missing|list }}][{{ missing|join(',') }}][{{ missing|string }}][{{ missing|first }}]", {}),
    ("undefined tojson fails", "{{ missing|tojson }}", {}),
    ("calling undefined fails", "{{ missing() }}", {}),
    ("calling method of none fails", "{{ x.strip() }}", {"x": None}),
    ("none attribute is undefined", "[{{ x.y }}]", {"x": None}),
    ("is string on content", "{{ m.content is string }} {{ m.other is string }} {{ m.parts is string }}", {"m": {"content": "x", "parts": [{"type": "text"}]}}),
    # python string methods
    ("startswith endswith", "{{ s.startswith('<tool') }} {{ s.endswith('>') }} {{ s.startswith(('x', '<t')) }} {{ s.endswith(('a', 'b')) }} {{ s.startswith('tool', 1) }}", {"s": "<tool_response>"}),
    ("strip family", "[{{ s.strip() }}][{{ s.lstrip() }}][{{ s.rstrip() }}][{{ t.strip('\\n') }}][{{ t.lstrip('\\n') }}][{{ t.rstrip('\\n') }}][{{ 'xxhixx'.strip('x') }}][{{ 'abcba'.strip('ab') }}]", {"s": "  \t hi \n ", "t": "\n\nhi\n\n"}),
    ("strip unicode spaces", "[{{ s.strip() }}][{{ s|trim }}]", {"s": "\u00a0\u2003 hi \u3000\u0085"}),
    ("split", "{{ s.split() }} {{ s.split(' ') }} {{ s.split(',') }} {{ s.split(',', 1) }} {{ '  a  b  '.split() }} {{ 'a  b  c'.split(None, 1) }} {{ ''.split() }} {{ ''.split(',') }}", {"s": "a,b, c d"}),
    ("rsplit", "{{ 'a,b,c'.rsplit(',', 1) }} {{ ' a b c '.rsplit(None, 1) }} {{ 'a,b'.rsplit(',') }}", {}),
    ("split think content", "{% set c = m.split('</think>')[-1].lstrip('\\n') %}{% set r = m.split('</think>')[0].rstrip('\\n').split('<think>')[-1].lstrip('\\n') %}[{{ r }}][{{ c }}]", {"m": "<think>\nreason\n</think>\n\nanswer"}),
    ("splitlines", "{{ 'a\\nb\\r\\nc\\rd\\n'.splitlines() }} {{ 'a\\nb'.splitlines(true) }} {{ ''.splitlines() }}", {}),
    ("case methods", "{{ s.upper() }}|{{ s.lower() }}|{{ s.title() }}|{{ s.capitalize() }}|{{ s.swapcase() }}", {"s": "hELLo wORLD it's o'neil-x 2nd"}),
    ("replace method", "{{ s.replace('a', 'o') }} {{ s.replace('a', 'o', 1) }} {{ 'ab'.replace('', '-') }}", {"s": "banana"}),
    ("find index count", "{{ s.find('an') }} {{ s.rfind('an') }} {{ s.find('x') }} {{ s.index('n') }} {{ s.count('a') }} {{ s.count('an') }} {{ s.find('a', 2) }} {{ s.rindex('a') }}", {"s": "banana"}),
    ("index not found fails", "{{ 'abc'.index('z') }}", {}),
    ("join method", "{{ ', '.join(['a', 'b']) }} {{ ''.join('xyz') }} {{ '-'.join(d) }}", {"d": {"k1": 1, "k2": 2}}),
    ("join method needs strings", "{{ ', '.join([1, 2]) }}", {}),
    ("format method", "{{ '{} and {}'.format('a', 'b') }} {{ '{1}{0}'.format('x', 'y') }} {{ '{name}!'.format(name='n') }} {{ '{{literal}}'.format() }} {{ '{:>5}|{:<4}|{:^5}|{:.2f}|{:05d}'.format('r', 'l', 'c', 3.14159, 42) }}", {}),
    ("predicates", "{{ '123'.isdigit() }} {{ '12a'.isdigit() }} {{ 'abc'.isalpha() }} {{ 'ab1'.isalnum() }} {{ ' \\n'.isspace() }} {{ 'ABC'.isupper() }} {{ 'abc'.islower() }} {{ ''.isdigit() }} {{ 'Title Case'.istitle() }}", {}),
    ("padding methods", "[{{ 'ab'.center(6) }}][{{ 'ab'.center(7, '*') }}][{{ 'ab'.ljust(4) }}][{{ 'ab'.rjust(4, '0') }}][{{ '-5'.zfill(4) }}]", {}),
    ("partition and affixes", "{{ 'a=b=c'.partition('=') }} {{ 'a=b=c'.rpartition('=') }} {{ 'prefix-x'.removeprefix('prefix-') }} {{ 'x.txt'.removesuffix('.txt') }}", {}),
    ("dict methods", "{{ d.keys()|list }} {{ d.values()|list }} {{ d.items()|list }} {{ d.get('a') }} {{ d.get('z') }} {{ d.get('z', 'dflt') }}", {"d": {"a": 1, "b": [2]}}),
    ("list methods", "{{ l.index('b') }} {{ l.count('a') }}", {"l": ["a", "b", "a"]}),
    ("list append is unsafe", "{% set l = [] %}{{ l.append(1) }}", {}),
    ("dict update is unsafe", "{% set d = {} %}{{ d.update({'a': 1}) }}", {}),
    ("percent formatting", "{{ '%s is %d years' % ('Ann', 31) }} {{ '%.2f' % 3.14159 }} {{ '%5s|%-5s|' % ('a', 'b') }} {{ '%r' % 'q' }}", {}),
    # tests
    ("type tests", "{% for v in [1, 1.5, 'a', true, none, [1], {'a': 1}, (1,)] %}{{ v is number }}{{ v is integer }}{{ v is float }}{{ v is string }}{{ v is boolean }}{{ v is none }}{{ v is mapping }}{{ v is iterable }}{{ v is sequence }}{{ v is callable }}|{% endfor %}", {}),
    ("undefined type tests", "{{ x is defined }}{{ x is undefined }}{{ x is none }}{{ x is string }}{{ x is iterable }}{{ x is sequence }}{{ x is mapping }}{{ x is number }}{{ x is callable }}", {}),
    ("true false tests", "{{ true is true }} {{ 1 is true }} {{ false is false }} {{ 0 is false }} {{ none is false }}", {}),
    ("number tests", "{{ 3 is odd }} {{ 4 is even }} {{ 9 is divisibleby 3 }} {{ 9 is divisibleby(4) }} {{ 4.0 is even }}", {}),
    ("comparison tests", "{{ 1 is eq 1 }} {{ 1 is equalto 2 }} {{ 1 is ne 2 }} {{ 1 is lt 2 }} {{ 2 is gt 1 }} {{ 2 is le 2 }} {{ 2 is ge 3 }} {{ 1 is lessthan 2 }} {{ 2 is greaterthan 1 }}", {}),
    ("in test", "{{ 2 is in [1, 2] }} {{ 'a' is in 'xyz' }}", {}),
    ("lower upper tests", "{{ 'abc' is lower }} {{ 'aBc' is lower }} {{ 'ABC' is upper }} {{ '123' is upper }}", {}),
    ("sameas test", "{{ none is sameas none }} {{ true is sameas true }} {{ 1 is sameas true }} {{ x is sameas false }}", {"x": False}),
    ("callable test", "{{ range is callable }} {{ 'a'.upper is callable }} {{ 'a' is callable }} {% macro m() %}{% endmacro %}{{ m is callable }}", {}),
    ("filter and test tests", "{{ 'upper' is filter }} {{ 'nope' is filter }} {{ 'defined' is test }}", {}),
    ("negated tests", "{{ x is not defined }} {{ 1 is not odd }} {{ none is not none }}", {}),
    ("selectattr undefined test", "{% for m in messages|selectattr('tool_calls', 'undefined') %}{{ m.role }} {% endfor %}", {"messages": MSGS}),
    # filters
    ("length and count", "{{ [1, 2]|length }} {{ 'abc'|length }} {{ {'a': 1}|count }} {{ ''|length }}", {}),
    ("first last", "{{ [1, 2, 3]|first }} {{ [1, 2, 3]|last }} {{ 'abc'|first }} {{ 'abc'|last }} [{{ []|first }}]", {}),
    ("join filter", "{{ [1, 2, 3]|join }} {{ [1, 2, 3]|join(', ') }} {{ users|join(', ', attribute='name') }} {{ ['a', none, true]|join('|') }}", {"users": USERS}),
    ("case filters", "{{ 'hello wORLD'|upper }} {{ 'HeLLo'|lower }} {{ 'hello wORLD it\\'s a-b (c'|title }} {{ 'hELLO world'|capitalize }}", {}),
    ("trim filter", "[{{ '  x  '|trim }}][{{ '--x--'|trim('-') }}][{{ 5|trim }}]", {}),
    ("replace filter", "{{ 'aaa'|replace('a', 'b') }} {{ 'aaa'|replace('a', 'b', 2) }} {{ 123|replace('2', 'x') }}", {}),
    ("default filter", "{{ missing|default('d') }} {{ missing|d('d2') }} {{ ''|default('e') }} {{ ''|default('e', true) }} {{ none|default('n') }} {{ none|default('n', boolean=true) }} {{ 0|default(5, true) }} [{{ missing|default }}]", {}),
    ("tojson defaults", "{{ data|tojson }}", {"data": {"s": "é \"q\" \\ \n\t", "i": 1, "f": 2.5, "big": 1e20, "small": 1e-7, "t": True, "n": None, "l": [1, [2, {}], []], "e": {}}}),
    ("tojson indent", "{{ data|tojson(indent=2) }}\n{{ data|tojson(indent=0) }}\n{{ [1, [2]]|tojson(indent=4) }}", {"data": {"a": [1, 2], "b": {"c": None}, "d": [], "e": {}}}),
    ("tojson separators and sort_keys", "{{ data|tojson(separators=(',', ':')) }} {{ data|tojson(sort_keys=true) }} {{ data|tojson(indent=2, separators=(',', ': ')) }}", {"data": {"b": 1, "a": [1, 2]}}),
    ("tojson ensure_ascii", "{{ 'é🎉\\u0001'|tojson }} {{ 'é🎉'|tojson(ensure_ascii=true) }}", {}),
    ("tojson of string and tuple", "{{ 'a\"b'|tojson }} {{ (1, 'x')|tojson }} {{ 3|tojson }} {{ 1.0|tojson }} {{ none|tojson }}", {}),
    ("tojson non string keys", "{{ {1: 'a', true: 'b', none: 'c', 2.5: 'd'}|tojson }}", {}),
    ("items filter", "{% for k, v in d|items %}{{ k }}:{{ v }} {% endfor %}{{ missing|items|list }}", {"d": {"a": 1, "b": 2}}),
    ("list and string filters", "{{ 'abc'|list }} {{ {'a': 1}|list }} {{ (1, 2)|list }} {{ [1, 'a']|string }} {{ 1.5|string }} {{ none|string }}", {}),
    ("int filter", "{{ '42'|int }} {{ '3.7'|int }} {{ 3.9|int }} {{ 'x'|int }} {{ 'x'|int(7) }} {{ ' 12 '|int }} {{ '0x1A'|int(0, 16) }} {{ true|int }} {{ '-5'|int }} {{ '1_000'|int }}", {}),
    ("float filter", "{{ '3.5'|float }} {{ 2|float }} {{ 'x'|float }} {{ '1e3'|float }} {{ 'x'|float(1.5) }}", {}),
    ("abs and round", "{{ -3|abs }} {{ -2.5|abs }} {{ 2.5|round }} {{ 3.5|round }} {{ 2.675|round(2) }} {{ 2.1|round(0, 'ceil') }} {{ 2.9|round(method='floor') }} {{ 5|round }} {{ 1234.5678|round(2) }} {{ -1.5|round }}", {}),
    ("map filter", "{{ users|map(attribute='name')|list }} {{ ['a', 'b']|map('upper')|join }} {{ users|map(attribute='tags', default=[])|list }} {{ ['1', '2']|map('int')|sum }} {{ [' a ', 'b ']|map('trim')|list }}", {"users": USERS}),
    ("map with filter arguments", "{{ ['a-b', 'c-d']|map('replace', '-', '+')|list }}", {}),
    ("select reject", "{{ [1, 2, 3, 4]|select('odd')|list }} {{ [1, 2, 3, 4]|reject('odd')|list }} {{ [0, 1, '', 'a', none]|select|list }} {{ [1, 5, 10]|select('gt', 4)|list }} {{ ['a', 'b']|reject('in', ['a'])|list }}", {}),
    ("selectattr rejectattr", "{{ users|selectattr('age', 'equalto', 31)|map(attribute='name')|list }} {{ users|rejectattr('tags')|map(attribute='name')|list }} {{ users|selectattr('tags', 'defined')|list|length }} {{ messages|selectattr('role', 'eq', 'user')|list|length }}", {"users": USERS, "messages": MSGS}),
    ("unique", "{{ ['a', 'A', 'b', 'a']|unique|list }} {{ ['a', 'A', 'b']|unique(case_sensitive=true)|list }} {{ users|unique(attribute='age')|map(attribute='name')|list }} {{ [1, 1.0, 2]|unique|list }}", {"users": USERS}),
    ("sort", "{{ [3, 1, 2]|sort }} {{ [3, 1, 2]|sort(reverse=true) }} {{ ['b', 'A', 'c']|sort }} {{ ['b', 'A', 'c']|sort(case_sensitive=true) }} {{ users|sort(attribute='name')|map(attribute='name')|list }} {{ users|sort(attribute='age,name')|map(attribute='name')|list }}", {"users": USERS}),
    ("sort stability with reverse", "{{ users|sort(attribute='age', reverse=true)|map(attribute='name')|list }}", {"users": USERS}),
    ("reverse", "{{ [1, 2, 3]|reverse|list }} {{ 'abc'|reverse }} {% for x in [1, 2]|reverse %}{{ x }}{% endfor %}", {}),
    ("dictsort", "{{ d|dictsort }} {{ d|dictsort(reverse=true) }} {{ d|dictsort(by='value') }} {% for k, v in d|dictsort %}{{ k }}{{ v }}{% endfor %}", {"d": {"b": 1, "a": 3, "C": 2}}),
    ("sum min max", "{{ [1, 2, 3]|sum }} {{ [1.5, 2]|sum }} {{ users|sum(attribute='age') }} {{ [1, 2]|sum(start=10) }} {{ [3, 1, 2]|min }} {{ [3, 1, 2]|max }} {{ ['b', 'A']|min }} {{ users|max(attribute='age')|attr('name') }} [{{ []|max }}]", {"users": USERS}),
    ("indent", "[{{ 'a\\nb\\n\\nc'|indent }}]\n[{{ 'a\\nb'|indent(2, true) }}]\n[{{ 'a\\n\\nb'|indent(2, blank=true) }}]\n[{{ 'a\\nb'|indent('> ') }}]\n[{{ 'a\\nb\\n'|indent(first=true) }}]", {}),
    ("wordcount", "{{ 'Hello world, this is  jinja'|wordcount }} {{ ''|wordcount }} {{ 'don\\'t stop_me now'|wordcount }}", {}),
    ("escape safe striptags", "{{ '<a href=\"x\">Tom & \\'Jerry\\'</a>'|escape }} {{ '<b>'|e }} {{ '<b>x</b>'|safe }} {{ '<p>Hello  <b>world</b></p> <!-- c --> &amp; more'|striptags }}", {}),
    ("batch and slice", "{{ [1, 2, 3, 4, 5]|batch(2)|list }} {{ [1, 2, 3]|batch(2, 'x')|list }} {{ [1, 2, 3, 4, 5]|slice(2)|list }} {{ [1, 2, 3, 4]|slice(3, 0)|list }}", {}),
    ("center and truncate", "[{{ 'abc'|center(9) }}] [{{ 'abc'|center(8) }}] {{ 'Hello world foo bar baz'|truncate(9) }} {{ 'Hello world foo bar baz'|truncate(9, true) }} {{ 'Hello world foo bar'|truncate(11, false, '..', 0) }} {{ 'short'|truncate(255) }}", {}),
    ("format filter", "{{ '%s-%s'|format('a', 'b') }} {{ '%(x)s!'|format(x='y') }}", {}),
    ("attr filter", "{{ d|attr('a') }} [{{ d|attr('zz') }}]", {"d": {"a": 1}}),
    ("filter chain", "{{ ' Hello World '|trim|lower|replace('world', 'there')|title }}", {}),
    ("unknown filter fails at compile", "{{ x|nosuchfilter }}", {}),
    # globals
    ("range", "{{ range(3)|list }} {{ range(1, 4)|list }} {{ range(10, 0, -3)|list }} {{ range(0)|list }} {{ range(0, 7, 7)|list }} {{ range(-5)|list }} {{ range(3, -4, -2)|list }} {% for i in range(2) %}{{ i }}{% endfor %}", {}),
    ("range spanning all ints fails", "{{ range(-9223372036854775807, 9223372036854775807)|length }}", {}),
    ("range too big fails", "{{ range(1000000)|length }}", {}),
    ("dict global", "{{ dict(a=1, b='x') }} {{ dict({'c': 3}, d=4) }} {{ dict([['k', 'v']]) }}", {}),
    ("namespace global", "{% set ns = namespace(found=false) %}{% for m in messages %}{% if m.role == 'system' %}{% set ns.found = true %}{% endif %}{% endfor %}{{ ns.found }}", {"messages": MSGS}),
    # errors
    ("syntax error unknown tag", "a\n{% frobnicate %}", {}),
    ("syntax error unclosed if", "{% if true %}a", {}),
    ("syntax error bad expression", "{{ 1 + }}", {}),
    ("syntax error unclosed string", "{{ 'abc }}", {}),
    ("syntax error endfor without for", "{% endfor %}", {}),
    ("syntax error missing end of print", "{{ 1 ", {}),
    ("division by zero fails", "{{ 1 / 0 }}", {}),
    ("string plus int fails", "{{ 'a' + 1 }}", {}),
    ("mixed type ordering fails", "{{ 'a' < 1 }}", {}),
    ("unpacking mismatch fails", "{% set a, b = [1, 2, 3] %}", {}),
    ("in string with int fails", "{{ 1 in 'abc' }}", {}),
    ("break outside loop ignored", "a{% if true %}b{% endif %}c", {}),
    ("not iterable fails", "{% for x in 5 %}{% endfor %}", {}),
    # jinja2 decides per frame at compile time where a name lives (FrameAnalysis)
    ("loop reads a name the top level assigns later as undefined", "{% for i in [1] %}[{{ a }}]{% endfor %}{% set a = 2 %}[{{ a }}]", {"a": 7}),
    ("top level read before the loop keeps the variable", "[{{ a }}]{% for i in [1] %}[{{ a }}]{% endfor %}{% set a = 2 %}", {"a": 7}),
    ("conditional top level assignment falls back to the variable", "{% for i in [1] %}[{{ a }}]{% endfor %}{% if false %}{% set a = 2 %}{% endif %}", {"a": 7}),
    ("assignment in every branch starts undefined", "{% for i in [1] %}[{{ a }}]{% endfor %}{% if x %}{% set a = 2 %}{% else %}{% set a = 3 %}{% endif %}[{{ a }}]", {"a": 7, "x": True}),
    ("macro reads top level name before its assignment", "{% macro m() %}[{{ a }}]{% endmacro %}{{ m() }}{% set a = 2 %}{{ m() }}", {"a": 7}),
    ("inner loop reads outer loop assignment made later", "{% for i in [1, 2] %}{% for j in [1] %}[{{ a }}]{% endfor %}{% set a = i %}{% endfor %}", {"a": 7}),
    ("set block body has its own scope", "{% set a %}{% set c = 1 %}{% endset %}[{{ c }}]", {}),
    ("filter block body has its own scope", "{% filter upper %}{% set c = 1 %}{% endfilter %}[{{ c }}]", {}),
    ("for else body has its own scope", "{% for x in [] %}{% else %}{% set c = 1 %}{{ c }}{% endfor %}[{{ c }}]", {}),
    # edge cases found by probing jinja2
    ('minus strips tab indentation and trailing newline', "{%- if true %}\n\tx\n\t{%- endif %}\n", {}),
    ('lstrip at template start with tabs', "\t  {% if true %}a{% endif %}", {}),
    ('no lstrip after an expression on the same line', "{{ 'a' }}   {% if true %}b{% endif %}", {}),
    ('multi-line comment with lstrip', "x\n  {# c\nmulti #}\ny", {}),
    ('crlf template with lstrip and trim', "a\r\n  {% if true %}\r\n b\r\n  {% endif %}\r\n", {}),
    ('loop over filtered items with previtem', "{% for m in messages if m.role != 'system' %}{{ loop.index }}{{ loop.previtem.role if loop.previtem }}{{ loop.length }} {% endfor %}", {"messages": MSGS}),
    ('list concatenation in set', "{% set x = [] %}{% set x = x + [1] %}{{ x }}", {}),
    ('percent formatting of none list and tuple', "{{ '%s' % none }} {{ '%s' % [1] }} {{ '%s %s' % ('a', 2) }}", {}),
    ('inline if without else and dotted indices', "[{{ 1 if 0 }}] {{ x.0 }} {{ x.1.0 }}", {"x": ["a", ["b"]]}),
    ('float floor division rounding and negative zero', "{{ 10 // 3.0 }} {{ -0.5|round }} {{ 1e300 * 1e300 }} {{ -7 // 2.0 }} {{ 0.1|round(1) }} {{ 2.5|round(0) }} {{ 1.23456|round(3, 'floor') }}", {}),
    ('dict with int key printed and tojson of true', "{{ {1: 'a', 'b': [true, none]} }} {{ none|string }} {{ true|tojson }} {{ [1,2,3]|map('string')|join('-') }}", {}),
    ('reverse batch indent join', "{{ range(3)|reverse|list }} {{ 'abcde'|batch(2)|list }} {{ 'x\ny'|indent(2) }} {{ ' '.join(['a','b'][::-1]) }}", {}),
    ('filter binds tighter than division, braces in text', "{{ 5 / 2 | int }} {{ 3 * 'ab' }} {{ 'B' < 'a' }} {{ [3,1]|sort|first }} { not a tag } {{ '{{' }} %} }}", {}),
    ('namespace repr and missing attribute', "{% set ns = namespace(a=1) %}{{ ns }} [{{ ns.missing }}] {{ ns is mapping }}", {}),
    ('out of range indices are undefined', "{{ 'abc'[5] }}|{{ [1,2][5] }}|{{ {'a':1}['b'] }}|{{ {'a':1}.b }}|{{ ('a','b')|join }}|{{ 'ab'|list|join('.') }}", {}),
    ('int parsing, empty replace, wordcount, tojson of line separator', "{{ 1.5|int }} {{ '1.5e2'|int }} {{ 'abc'|replace('', '-') }} {{ ' a b '|wordcount }} {{ 'x'|tojson(indent=2) }} {{ '\u2028'|tojson }}", {}),
    ('minus before endif after text', "{% if true -%}   \n  text{%- endif %} after", {}),
    ('default none and last dict', "{{ x|default(none) is none }} {{ messages|last }}", {"messages": MSGS}),
    ('dictsort unpacking and filtered items loop', "{% for a, b in d|dictsort %}{{ a }}{{ b }}{% endfor %}{% for k, v in d.items() if v > 1 %}{{ k }}{% endfor %}", {"d": {"b": 2, "a": 1}}),
    ('content slicing and conditional content access', "{{ message.content[:5] }}|{{ message.content[-3:] }}|{{ message['content'][0]['text'] if message.content is not string }}", {"message": {"content": "Hello world"}}),
    ('tojson of mixed list and nested indent', "{{ [1, 2.0, 'x', [none]]|tojson }} {{ {'a': {'b': []}}|tojson(indent=2) }}", {}),
    ('unicode case mapping', "{{ 'ß'.upper() }} {{ 'İ'.lower()|length }} {{ 'ǆ'.title() }} {{ 'hello'.capitalize() }}", {}),
    ('macro default refers to earlier parameter', "{% macro m(a, b=a ~ '!') %}{{ a }}{{ b }}{% endmacro %}{{ m('x') }}", {}),
    ('caller defined only inside call block', "{% macro m() %}{{ caller() if caller is defined else 'nocaller' }}{% endmacro %}{{ m() }}|{% call m() %}C{% endcall %}", {}),
    ('loop length unaffected by break', "{% for x in [1,2,3] %}{% if loop.index == 2 %}{% break %}{% endif %}{{ loop.length }}{% endfor %}", {}),
    ('float repr extremes', "{{ 9999999999999999.0 }} {{ 1.7976931348623157e308 }} {{ 5e-324 }} {{ 100.0 }} {{ 1e15 }} {{ 123456789012.345 }}", {}),
    ('type tests on first, bool is number', "{{ [1]|first is number }} {{ 'a' is not string }} {{ true is number }} {{ true is integer }}", {}),
    ('defined and short circuit', "{{ x is defined and x }} {{ x is not defined or x }}", {}),
    ('last user message via selectattr', "{{ (messages|selectattr('role','equalto','user')|list)[-1].content }}", {"messages": MSGS}),
    ('unique roles and missing attribute map', "{{ messages|map(attribute='role')|unique|list }} {{ messages|map(attribute='missing')|list|length }}", {"messages": MSGS}),
    ('split edge cases', "{{ 'a,b,,c'.split(',') }} {{ 'a b'.split(' ', 0) }} {{ 'abc'.split('b', -1) }}", {}),
    ('empty substring find count startswith', "{{ 'ABC'.find('') }} {{ 'ABC'.count('') }} {{ 'ABC'.startswith('') }} {{ 'abc'.endswith('c', 0, 2) }}", {}),
    ('set with minus then blank lines', "{%- set x = 1 -%}\n\n  {{ x }}  \n\n{%- set y = 2 %}\n{{ y }}", {}),
    ('expression minus on both sides across blank lines', "{{- 'a' -}}\n\n{{- 'b' -}}", {}),
    ('raw block keeps inner whitespace', "{% raw %}\n  {{ x }}\n{% endraw %}\nz", {}),
    ('raw block lstrip', "    {% raw %}x{% endraw %}", {}),
    ('raw block with minus', "{%- raw %} {{ }} {% endraw -%}  q", {}),
    ('comment minus signs', "a {#- c #} b {# c -#} d", {}),
    ('trailing newline after final tag', "{% if true %}{% endif %}\n", {}),
    ('trailing newline after print', "{{ 'x' }}\n", {}),
    ('filter block trim', "{% filter trim %}  \n  x  \n{% endfilter %}|", {}),
    ('map first over tuples and items of nested dict', "{{ [('a', 1), ('b', 2)]|map('first')|list }} {{ {'x': [1,2]}|items|list }}", {}),
    ('equality across int float bool list tuple', "{{ 0 == false }} {{ 1.0 in [1] }} {{ '1' == 1 }} {{ [1] == (1,) }} {{ {'a': 1} == {'a': 1.0} }}", {}),
    ('modulo and power of ints', "{{ -1 % 5 }} {{ 5 % -1 }} {{ -5.5 // 2 }} {{ 2 ** 62 }} {{ 0 ** 0 }} {{ 4 ** 0.5 }}", {}),
    ('booleans in arithmetic', "{{ true + true }} {{ true * 3 }} {{ -true }} {{ 3 / true }}", {}),
    ('percent d f and width', "{{ '%d items' % 3.7 }} {{ '%.1f%%' % 50 }} {{ '%5.1f|' % 2.25 }} {{ '%x' % 255 if false else 'n' }}", {}),
    ('tilde with float none list dict', "{{ 'abc' ~ 1.0 ~ none ~ [1] ~ {'a': 'b'} }}", {}),
    ('inner loop sees outer loop assignment', "{% set a = 'outer' %}{% for i in [1] %}{% set a = 'inner' %}{% for j in [1] %}{{ a }}{% endfor %}{% endfor %}{{ a }}", {}),
    ('set inside loop does not leak to top level', "{% set found = false %}{% for m in messages %}{% if m.role == 'user' %}{% set found = true %}{% endif %}{% endfor %}{{ found }}", {"messages": MSGS}),
    ('with block set does not leak', "{% with %}{% set w = 1 %}{{ w }}{% endwith %}[{{ w }}]", {}),
    ('slicing messages', "{{ messages[1:]|length }} {{ messages[:-1]|map(attribute='role')|join(',') }}", {"messages": MSGS}),
    ('tojson indent 4 of a tool schema', "{{ tools|tojson(indent=4) }}", {"tools": [WEATHER_TOOL]}),
]

STRFTIME_FORMATS = [
    "%Y-%m-%d",
    "%d %b %Y",
    "%d %B %Y",
    "%A, %B %d, %Y",
    "%a %H:%M:%S",
    "%I:%M %p",
    "%j %y %%",
    "%-d %b",
    "%e %B",
    "%Y-%m-%dT%H:%M:%S.%f",
]


def main():
    features = []
    for name, source, variables in FEATURE_CASES:
        case = {"name": name, "template": source, "variables": variables}
        case.update(render(source, variables, track="generation" in source))
        features.append(case)
    write("feature_cases.json", features)
    write("chat_template_cases.json", chat_cases())
    moment = datetime(2024, 7, 6, 15, 4, 5, 123456)
    write(
        "strftime_cases.json",
        {"datetime": moment.isoformat(), "cases": [{"format": f, "expected": moment.strftime(f)} for f in STRFTIME_FORMATS]},
    )


def write(name, data):
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    (RESOURCES / name).write_text(text, encoding="utf-8")
    print(f"wrote {RESOURCES / name}")


if __name__ == "__main__":
    main()
