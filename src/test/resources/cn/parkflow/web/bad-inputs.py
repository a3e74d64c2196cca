"""Writes bad-inputs.json, the corpus of BadInputCorpusTest: python3 bad-inputs.py (from anywhere)."""
import json, os
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "../../../../../..")
labels = {}
def walk(c):
    for x in c:
        if 'components' in x: walk(x['components'])
        if x.get('key'): labels[x['key']] = x.get('label')
walk(json.load(open(os.path.join(ROOT, 'forms/incubator-certification/incubator-application.form')))['components'])

E = []
def add(path, desc, status, field, **kw):
    e = {"path": path, "description": desc, "status": status, "field": field}
    e.update(kw); E.append(e)

bad_texts = [  # (value, description, blank?)
    ("\u3000", "全角空格（U+3000）充当的空白", True),
    ("\u00a0 \u3000", "不换行空格与全角空格组成的空白", True),
    ("零号湾\u200b孵化器", "零宽空格 U+200B", False),
    ("零号湾\u202e器化孵", "从右到左覆盖 U+202E", False),
    ("零号湾\u2066孵化器\u2069", "方向隔离 U+2066/U+2069", False),
    ("零号湾\u0000孵化器", "NUL", False),
    ("零号湾\u0007孵化器", "响铃控制字符 U+0007", False),
    ("\u001b[31m零号湾", "ESC 控制序列", False),
    ("零号湾\ud800孵化器", "孤立的高代理项 U+D800", False),
    ("零号湾\udc00孵化器", "孤立的低代理项 U+DC00", False),
    ("\ufeff零号湾孵化器", "字节序标记 U+FEFF", False),
    ("零号湾\u200d孵化器", "零宽连接符 U+200D", False),
    ("零号湾\u2028孵化器", "行分隔符 U+2028", False),
    ("零号湾\u0085孵化器", "下一行控制字符 U+0085", False),
]
api_blank_msg = {}
# 1. our API JSON: every bad text on incubatorName, a selection on other text fields
for value, d, blank in bad_texts:
    add("api-application", "incubatorName：" + d, 400, "incubatorName", set={"incubatorName": value})
for key in ["operatorName", "legalRepresentative", "contactName", "address", "industryFocus", "targets"]:
    for value, d, blank in [bad_texts[0], bad_texts[2], bad_texts[3], bad_texts[5], bad_texts[8]]:
        v = value if key != "targets" or blank else value + "三年内培育高新技术企业三十家"
        add("api-application", key + "：" + d, 400, key, set={key: v})
# numbers, types, structure
add("api-application", "incubateeCount: 40.7 不得截断为 40", 400, "incubateeCount", set={"incubateeCount": 40.7})
add("api-application", "staffCount: 10.5", 400, "staffCount", set={"staffCount": 10.5})
add("api-application", "mentorCount: 1e1 写成小数", 400, "mentorCount", set={"mentorCount": 8.25})
add("api-application", "incubateeCount 为文字", 400, "incubateeCount", set={"incubateeCount": "很多"})
add("api-application", "incubateeCount 超出整数范围", 400, "incubateeCount", set={"incubateeCount": 99999999999})
add("api-application", "area 为文字", 400, "area", set={"area": "一万"})
add("api-application", "area 为数组", 400, "area", set={"area": [1, 2]})
add("api-application", "foundingDate 格式错误", 400, "foundingDate", set={"foundingDate": "2020/05/01"})
add("api-application", "foundingDate 不存在的日期", 400, "foundingDate", set={"foundingDate": "2020-02-30"})
add("api-application", "integrityPledge 为文字", 400, "integrityPledge", set={"integrityPledge": "是的"})
add("api-application", "incubatorName 为对象", 400, "incubatorName", set={"incubatorName": {"zh": "零号湾"}})
add("api-application", "incubatorName 超长（101字）", 400, "incubatorName", set={"incubatorName": "孵" * 101})
add("api-application", "targets 超过4000字", 400, "targets", set={"targets": "目" * 4001})
add("api-application", "incubatorName 缺失", 400, "incubatorName", remove=["incubatorName"])
add("api-application", "incubateeCount 为 null", 400, "incubateeCount", set={"incubateeCount": None})
add("api-application", "contactEmail 含零宽字符", 400, "contactEmail", set={"contactEmail": "lisi\u200b@example.com"})
add("api-application", "creditCode 含全角空格", 400, "creditCode", set={"creditCode": "\u3000"})
add("api-application", "block 含 RLO", 400, "block", set={"block": "ZEROBAY\u202e"})
add("api-application", "请求体不是 JSON", 400, "JSON", raw="{\"incubatorName\": ")
add("api-application", "请求体为空", 400, "请求内容", raw="")
add("api-application", "请求体为数组", 400, "请求内容", raw="[1,2,3]")
add("api-application", "Content-Type 为 text/plain（415）", 415, "Content-Type", contentType="text/plain")
add("api-application", "Content-Type 为表单（415）", 415, "Content-Type", contentType="application/x-www-form-urlencoded", raw="incubatorName=x")
add("api-application", "请求体超过1MB（413）", 413, "请求内容", set={"targets": "目" * 400000})

# 2. start form through the engine (Tasklist's start form, untyped values as Tasklist sends them)
for value, d, blank in bad_texts:
    field = labels["incubatorName"] if blank else "incubatorName"
    add("engine-start", "孵化器名称：" + d, 400, field, set={"incubatorName": value})
for key in ["address", "contactName", "targets"]:
    for value, d, blank in [bad_texts[0], bad_texts[3], bad_texts[8]]:
        field = labels[key] if blank else key
        add("engine-start", key + "：" + d, 400, field, set={key: value})
add("engine-start", "incubateeCount: 40.7（未声明类型）", 400, "incubateeCount", set={"incubateeCount": 40.7})
add("engine-start", "incubateeCount: 40.7 声明为 Integer", 400, "incubateeCount", typed={"incubateeCount": {"value": 40.7, "type": "Integer"}})
add("engine-start", "incubateeCount: 文字声明为 Integer", 400, "incubateeCount", typed={"incubateeCount": {"value": "abc", "type": "Integer"}})
add("engine-start", "area: 文字声明为 Double", 400, "area", typed={"area": {"value": "一万", "type": "Double"}})
add("engine-start", "integrityPledge: 文字声明为 Boolean", 400, "integrityPledge", typed={"integrityPledge": {"value": "yes", "type": "Boolean"}})
add("engine-start", "foundingDate: 声明为 Date 但格式错误", 400, "foundingDate", typed={"foundingDate": {"value": "2020/05/01", "type": "Date"}})
add("engine-start", "变量类型不存在", 400, "incubatorName", typed={"incubatorName": {"value": "x", "type": "Strung"}})
add("engine-start", "staffCount 超出 Integer 范围", 400, "staffCount", typed={"staffCount": {"value": 9999999999, "type": "Integer"}})
add("engine-start", "address 缺失（地址：请填写）", 400, labels["address"], remove=["address"])
add("engine-start", "incubatorName 超长", 400, labels["incubatorName"], set={"incubatorName": "孵" * 101})
add("engine-start", "请求体不是 JSON", 400, "JSON", raw="{\"variables\": {")
add("engine-start", "Content-Type 为 text/plain（415）", 415, "Content-Type", contentType="text/plain", raw="{}")

# 3. the kernel fixture's start form
for value, d, blank in [bad_texts[0], bad_texts[2], bad_texts[5], bad_texts[8]]:
    add("fixture-start", "事项类型：" + d, 400, "事项类型" if blank else "topic", set={"topic": value})

# 4. a task form through the engine
for value, d, blank in bad_texts:
    add("task-form", "办理意见：" + d, 400, "办理意见" if blank else "opinion", set={"opinion": value})
add("task-form", "办理意见超过500字", 400, "办理意见", set={"opinion": "意" * 501})
add("task-form", "办理意见超过4000字", 400, "opinion", set={"opinion": "意" * 4001})
add("task-form", "办理意见声明为 Integer", 400, "opinion", typed={"opinion": {"value": "同意", "type": "Integer"}})
add("task-form", "变量名含控制字符", 400, "变量名", typed={"opi\u0000nion": {"value": "同意", "type": "String"}})
add("task-form", "请求体不是 JSON", 400, "JSON", raw="{\"variables\": [")

# 5. uploads
pdf = "%PDF-1.7\n"
add("upload", "文件名含 RLO（伪装扩展名）", 400, "file", upload={"kind": "APPLICATION_FORM", "fileName": "申报书\u202efdp.exe", "fileType": "application/pdf", "content": pdf})
add("upload", "文件名含零宽字符", 400, "file", upload={"kind": "APPLICATION_FORM", "fileName": "申报\u200b书.pdf", "fileType": "application/pdf", "content": pdf})
add("upload", "文件名含控制字符", 400, "file", upload={"kind": "APPLICATION_FORM", "fileName": "申报\u0007书.pdf", "fileType": "application/pdf", "content": pdf})
add("upload", "kind 含零宽字符", 400, "kind", upload={"kind": "APPLICATION_FORM\u200b", "fileName": "申报书.pdf", "fileType": "application/pdf", "content": pdf})
add("upload", "kind 含全角空格", 400, "kind", upload={"kind": "\u3000", "fileName": "申报书.pdf", "fileType": "application/pdf", "content": pdf})
add("upload", "kind 不存在", 400, "kind", upload={"kind": "NOT_A_KIND", "fileName": "申报书.pdf", "fileType": "application/pdf", "content": pdf})
add("upload", "没有文件部分", 400, "file", upload={"kind": "APPLICATION_FORM", "noFile": True})
add("upload", "不是 multipart 请求", 400, "kind", upload={"json": True})
add("upload", "空文件", 400, "file", upload={"kind": "APPLICATION_FORM", "fileName": "申报书.pdf", "fileType": "application/pdf", "content": ""})
add("upload", "改名的程序冒充 PDF", 400, "file", upload={"kind": "APPLICATION_FORM", "fileName": "申报书.pdf", "fileType": "application/pdf", "content": "MZ\u0090\u0000"})
add("upload", "超过 multipart 上限（413）", 413, "file", upload={"kind": "APPLICATION_FORM", "fileName": "申报书.pdf", "fileType": "application/pdf", "content": pdf, "padToBytes": 23 * 1024 * 1024})

for i, e in enumerate(E, 1):
    e["id"] = i
json.dump(E, open(os.path.join(HERE, 'bad-inputs.json'), 'w'), ensure_ascii=True, indent=1)
from collections import Counter
print(len(E), Counter(e["path"] for e in E))
