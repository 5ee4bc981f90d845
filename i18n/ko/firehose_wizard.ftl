# firehose-wizard의 한국어 메시지. 영어 카탈로그(i18n/en/firehose_wizard.ftl)의 모든 메시지가 같은 인수로
# 여기에도 있습니다(tests/i18n.rs가 확인합니다). 콘솔의 한국어 용어를 따르고, S3, IAM, KMS, ARN, jq 같은
# 기술 이름은 라틴 문자로 둡니다.

# 그대로 보이는 텍스트 (AWS가 한 말, 값)
text = {$text}

lang-name = 한국어
test-arguments = {$name}: 레코드 {$count}개

## 마법사의 필드: 레이블(최대 27열)과 빈 필드의 안내
field-name = Firehose 스트림 이름
field-name-hint = a-z A-Z 0-9 _ . - 중 1–64자
field-source-kind = 소스
field-kinesis-stream = Kinesis 데이터 스트림
field-stream-mode = 용량 모드
field-shards = 샤드 수
field-shards-hint = 1 이상
field-lambda = Lambda로 소스 레코드 변환
field-lambda-arn = 함수 ARN
field-lambda-arn-hint = arn:aws:lambda:REGION:ACCOUNT:function:NAME:$LATEST
field-lambda-buffer = 버퍼링 크기 (0.2–3 MiB)
field-lambda-buffer-hint = 1 (기본값)
field-lambda-interval = 버퍼링 간격 (0–900초)
field-lambda-interval-hint = 60 (기본값)
field-lambda-retries = 재시도 횟수
field-lambda-retries-hint = 3 (기본값)
field-format-conversion = 레코드 형식 변환
field-output-format = 출력 형식
field-input-format = JSON 해제자(Deserializer)
field-glue-database = Glue 데이터베이스
field-glue-table = Glue 테이블
field-glue-region = Glue 리전
field-glue-region-hint = 스트림의 리전 (기본값)
field-glue-version = Glue 테이블 버전
field-glue-version-hint = LATEST (기본값)
field-bucket-mode = S3 버킷
field-bucket = 버킷 이름
field-dynamic = 동적 파티셔닝
field-partition-keys = 파티셔닝 키 (jq)
field-partition-keys-hint = customer_id=.customer_id; region=.region
field-new-line = 새 줄 구분 기호
field-deaggregation = 다중 레코드 분해
field-delimiter = 분해 구분 기호
field-delimiter-hint = 레코드 사이의 텍스트 (예: ####)
field-retry-duration = 재시도 기간 (0–7200초)
field-retry-duration-hint = 300 (기본값)
field-sample-record = 샘플 레코드 (미리 보기)
field-sample-record-hint = 키 미리 보기용 예: {"{"}"customer_id": "C42"{"}"}
field-prefix = S3 버킷 접두사
field-prefix-hint = 비우면 yyyy/MM/dd/HH/ · Ctrl-T: 실습 접두사
field-error-prefix = S3 버킷 오류 출력 접두사
field-error-prefix-hint = 접두사에 표현식 !{"{"}...{"}"} 사용 시 필수
field-file-extension = 파일 확장자 형식
field-file-extension-hint = 형식의 기본값 (.gz, .parquet...)
field-time-zone = 접두사 시간대
field-time-zone-hint = UTC (기본값) 또는 IANA 이름 (예: Asia/Seoul)
field-backup = 소스 레코드 백업
field-backup-bucket = 백업 버킷
field-backup-bucket-hint = 기존 버킷, 또는 대상 버킷
field-backup-prefix = 백업 버킷 접두사
field-backup-prefix-hint = 예: raw/
field-buffer-size = 버퍼링 크기 (1–128 MiB)
field-buffer-interval = 버퍼링 간격 (0–900초)
field-compression = 압축
field-encryption = S3 서버 측 암호화
field-kms-key = KMS 키 ARN
field-kms-key-hint = arn:aws:kms:REGION:ACCOUNT:key/ID
field-stream-encryption = 스트림 암호화
field-stream-key = 스트림 KMS 키 ARN
field-stream-key-hint = arn:aws:kms:REGION:ACCOUNT:key/ID
field-error-logging = CloudWatch 오류 로깅
field-tags = 태그
field-tags-hint = 키=값, 키2=값2 (최대 50개)
field-role-mode = IAM 역할
field-role-name = 역할 이름
field-add-policy = 이 스트림의 정책 추가
field-create = 생성

## 선택지
choice-direct-put = Direct PUT
choice-kinesis-stream = Kinesis 데이터 스트림
choice-new-kinesis-stream = 새 Kinesis 데이터 스트림
choice-disabled = 비활성화됨
choice-enabled = 활성화됨
choice-create-new = 새로 생성
choice-choose-existing = 기존 항목 선택
choice-no = 아니요
choice-yes = 예
choice-on-demand = 온디맨드
choice-provisioned = 프로비저닝됨
choice-parquet = Apache Parquet
choice-orc = Apache ORC
choice-openx-json = OpenX JSON
choice-hive-json = Apache Hive JSON
choice-off = 사용 안 함
choice-json = JSON
choice-delimited = 구분 기호
choice-uncompressed = UNCOMPRESSED
choice-gzip = GZIP
choice-zip = ZIP
choice-snappy = Snappy
choice-hadoop-snappy = HADOOP_SNAPPY
choice-bucket-default = 버킷 기본 암호화
choice-kms-key = AWS KMS 키
choice-aws-owned-key = AWS 소유 키
choice-customer-managed-key = 고객 관리형 키

## 화면 틀: 머리글, 단계, 상태 줄, 팝업
header-step = {" "}단계 {$number}/5 · {$title}
header-no-region = 리전 없음
header-account = 계정 {$account} · {$region}
header-account-unknown = 계정 알 수 없음 · {$region}
header-account-pending = 계정 … · {$region}
header-profile = 프로파일 {$profile} ·{" "}
header-custom-endpoint = {" "}· 사용자 지정 엔드포인트
steps-item = {$number} {$title}
status-aws-error = {" "}! AWS: {$error}
status-no-problems = {" "}✓ 이 화면에 문제가 없습니다
status-problems = {" "}! 이 화면의 문제 {$count}개
choice-position = {"  "}{$at}/{$of} ←→로 변경
too-small = 터미널이 너무 작습니다
too-small-sizes = 필요: {$need}, 현재: {$have}
too-small-what-to-do = 창을 키우세요. Ctrl-C로 종료합니다
confirm-yes = 예
confirm-no = 아니요
confirm-quit-title = 종료
confirm-quit-creating = 생성 중에 종료할까요? 진행 중인 호출은 AWS에서 완료될 수 있습니다. 지금까지 생긴 리소스는 종료할 때 출력합니다.
confirm-quit-leftovers = 종료할까요? firehose-wizard가 생성한 리소스 {$count}개가 아직 남아 있습니다(실패 화면의 d 또는 `firehose-wizard destroy`로 삭제). 종료할 때 목록을 출력합니다.
confirm-quit = 종료할까요? 입력한 값은 저장되지 않습니다(검토 화면에서 s로 저장).
confirm-create-title = 생성
confirm-create = 계정 {$account}, 리전 {$region}에 Firehose 스트림 {$name} 및 필요한 리소스를 생성할까요?
confirm-create-unknown-account = 설정된 계정에 Firehose 스트림 {$name} 및 필요한 리소스를 생성할까요?
confirm-remove-title = 삭제
confirm-remove = firehose-wizard가 이 스트림을 위해 생성한 리소스 {$count}개를 삭제할까요(최근에 만든 것부터, 하나씩 삭제가 끝나기를 기다리며)? 원래 있던 리소스는 건드리지 않으며, 객체가 있는 버킷은 유지합니다.
save-title = {" "}계획 저장 경로{" "}
save-keys = Enter 저장 · Esc 취소 · 기존 파일은 덮어쓰지 않습니다
view-title = {" "}{$title} · {$line}/{$lines}줄 · ↑↓ PgUp/PgDn 스크롤 · Esc 닫기{" "}

## 이름과 ARN 규칙(plan/names.rs). "what-" 메시지는 규칙이 가리키는 값의 이름입니다.
rule-required = {$what}: 필수 항목입니다({$min}–{$max}자)
rule-length = {$what}: 길이는 {$min}–{$max}자여야 합니다. 현재 {$n}자입니다
rule-charset = {$what}: {$allowed}만 사용할 수 있습니다. {$position}번째 문자가 {$character}입니다
chars-stream = 영문자 A–Z a–z, 숫자 0–9, '_', '.', '-'
chars-new-bucket = 소문자 a–z, 숫자 0–9, '.', '-'
chars-existing-bucket = 영문자, 숫자, '_', '.', '-'
chars-role = 영문자, 숫자, _+=,.@-
what-stream-name = Firehose 스트림 이름
what-kinesis-name = Kinesis 스트림 이름
what-kinesis-arn = Kinesis 스트림 ARN
what-bucket-name = 버킷 이름
what-existing-bucket-name = 기존 버킷 이름
what-role-name = 역할 이름
what-role-arn = 역할 ARN
what-lambda-arn = Lambda 함수 ARN
what-lambda-name = Lambda 함수 이름
what-kms-arn = KMS 키 ARN
what-tag-key = 태그 키
what-tag-key-short = 태그 키
what-tag-value = 태그 {$key}의 값
what-file-extension = 파일 확장자
what-time-zone = 시간대
what-jq-expression = 파티셔닝 키 {$key}의 jq 표현식
rule-not-kinesis-arn = {$value}: Kinesis 스트림 ARN이 아닙니다. 형식: arn:PARTITION:kinesis:REGION:ACCOUNT(12자리):stream/NAME
rule-bucket-edges = 버킷 이름은 소문자나 숫자로 시작하고 끝나야 합니다
rule-bucket-periods = 버킷 이름에 마침표 두 개를 연달아("..") 쓸 수 없습니다
rule-bucket-ip = 버킷 이름을 IP 주소 형식(예: 192.168.5.4)으로 지정할 수 없습니다
rule-bucket-reserved-start = "{$reserved}" 접두사가 붙은 버킷 이름은 Amazon S3의 예약 이름입니다
rule-bucket-reserved-end = "{$reserved}" 접미사가 붙은 버킷 이름은 Amazon S3의 예약 이름입니다
rule-bucket-regional = "-an" 접미사가 붙은 버킷 이름은 계정 리전 네임스페이스 버킷용으로 예약되어 있으며, 이 도구는 그런 버킷을 생성하지 않습니다
rule-not-role-arn = {$value}: IAM 역할 ARN이 아닙니다. 형식: arn:PARTITION:iam::ACCOUNT(12자리):role/[PATH/]NAME
rule-not-lambda-arn = {$value}: Lambda 함수 ARN이 아닙니다. 형식: arn:aws:lambda:REGION:ACCOUNT(12자리):function:NAME[:$LATEST|:VERSION|:ALIAS]
rule-not-kms-arn = {$value}: KMS 키 ARN이 아닙니다. 형식: arn:aws:kms:REGION:ACCOUNT(12자리):key/KEY_ID (또는 alias/NAME)
rule-not-region = {$value}: 리전 이름(예: us-east-1)이 아닙니다
rule-no-white-space = {$what}: 공백을 포함할 수 없습니다({$position}번째 문자가 공백입니다)
rule-tag-key-aws = 태그 키 {$key}: "aws:"로 시작하는 키는 AWS의 예약 키입니다
rule-tag-chars = {$what}: 영문자, 숫자, 공백, _ . : / = + - @ %만 사용할 수 있습니다. {$character} 문자는 사용할 수 없습니다
rule-file-extension = {$value}: 파일 확장자가 아닙니다. '.'로 시작하고 그 뒤에는 소문자 a–z, 숫자, ! - _ . * ' ( )만 써야 합니다
rule-time-zone-chars = {$value}: Firehose는 영문자, '/', '_'로만 된 시간대 이름을 허용합니다(예: Asia/Seoul, America/New_York)
rule-not-time-zone = {$value}: IANA 시간대 이름이 아닙니다(예: UTC, Europe/Paris, Asia/Seoul. 대소문자를 구분합니다)
rule-partition-key-name = 파티셔닝 키 이름 {$key}: jq 키 이름이어야 합니다(영문자, 숫자, '_'만 사용하고 숫자로 시작할 수 없음)
rule-jq-empty = {$what}: 비어 있습니다. 예: {$example}
rule-jq-string = {$what}: 문자열이 "로 닫히지 않았습니다
rule-jq-unmatched = {$what}: 짝이 맞지 않는 괄호가 있습니다: {$bracket}
rule-jq-unclosed = {$what}: 닫히지 않은 괄호가 있습니다: {$bracket}

## 접두사 언어(plan/prefix.rs)
prefix-at-character = {$position}번째 문자: {$message}
prefix-unclosed = "!{"{"}"로 시작한 표현식이 "{"}"}"로 닫히지 않았습니다. "!{"{"}"는 !{"{"}namespace:value{"}"}의 시작으로만 쓸 수 있습니다
prefix-nested = 표현식은 중첩할 수 없습니다. "!{"{"}"는 !{"{"}namespace:value{"}"}의 시작으로만 쓸 수 있습니다
prefix-not-expression = {$text}: 표현식이 아닙니다. !{"{"}namespace:value{"}"} 형식으로 쓰고, 네임스페이스는 timestamp, firehose, partitionKeyFromQuery, partitionKeyFromLambda 중 하나여야 합니다
prefix-timestamp-empty = !{"{"}timestamp:{"}"}에는 날짜-시간 패턴이 필요합니다. 예: !{"{"}timestamp:yyyy{"}"}
prefix-unknown-firehose-value = 알 수 없는 firehose 값 {$value}: firehose 네임스페이스에는 random-string과 error-output-type만 있습니다
prefix-unknown-namespace = 알 수 없는 네임스페이스 {$namespace}: timestamp, firehose, partitionKeyFromQuery, partitionKeyFromLambda 중 하나를 쓰세요(대소문자 구분)
pattern-unterminated-quote = 타임스탬프 패턴 {$pattern}: 따옴표가 닫히지 않았습니다
pattern-optional-sections = 타임스탬프 패턴 {$pattern}: 선택 구역('['와 ']')은 지원하지 않습니다
pattern-reserved = {$character}: Java 날짜-시간 패턴의 예약 문자입니다. 텍스트로 쓰려면 따옴표로 감싸세요('{$letter}')
pattern-too-many-letters = 패턴 문자가 너무 많습니다: {$letters} ('{$letter}' {$count}개, 최대 {$max}개)
pattern-month-names = 월 이름({$letters})은 Firehose가 쓰는 로캘에 따라 달라지며 AWS가 이를 문서화하지 않았습니다. 월 번호는 MM을 쓰세요
pattern-week-year = Y는 주 기준 연도로, 12월 말과 1월 초에는 달력 연도와 다릅니다. yyyy를 쓰세요
pattern-day-names = 패턴 문자 '{$letter}': 요일 이름이나 오전/오후 텍스트를 내며, 이는 Firehose가 쓰는 로캘에 따라 달라집니다. 숫자(dd, HH)를 쓰세요
pattern-unsupported-letter = 패턴 문자 '{$letter}': firehose-wizard가 지원하지 않습니다(지원: {$supported})
pattern-unknown-letter = 알 수 없는 패턴 문자 '{$letter}'(지원: {$supported}). 문자를 그대로 쓰려면 'T'처럼 따옴표로 감싸세요
prefix-line-break = 줄바꿈을 포함할 수 없습니다. {$position}번째 문자가 {$character}입니다
prefix-too-long = 최대 {$max}자여야 합니다. 현재 {$n}자입니다
prefix-rule-5 = !{"{"}firehose:error-output-type{"}"} 표현식은 오류 출력 접두사에서만 쓸 수 있습니다(규칙 5)
prefix-rule-3 = 접두사에 !{"{"}...{"}"} 표현식이 있으면 필수입니다(규칙 3). 예: error/!{"{"}firehose:error-output-type{"}"}/!{"{"}timestamp:yyyy/MM/dd{"}"}/
prefix-keys-need-partitioning = partitionKeyFromQuery와 partitionKeyFromLambda 표현식에는 동적 파티셔닝이 필요한데, 이 계획은 동적 파티셔닝을 활성화하지 않습니다
prefix-rule-6 = 평가하면 최대 {$n}자가 됩니다. Firehose는 최대 {$max}자를 허용합니다(규칙 6)
prefix-no-slash = '/'로 끝나지 않아 Firehose가 {$pattern} 패턴을 바로 이어 붙입니다("{$example}"). 폴더로 만들려면 '/'로 끝내세요
prefix-rule-4 = 표현식이 있으므로 !{"{"}firehose:error-output-type{"}"}도 한 번 이상 포함해야 합니다(규칙 4)
prefix-rule-7 = 오류 출력 접두사에는 partitionKeyFromQuery와 partitionKeyFromLambda 표현식을 쓸 수 없습니다(규칙 7)
prefix-error-no-slash = '/'로 끝나지 않아 Firehose가 오류 유형을 바로 이어 붙입니다. 폴더로 만들려면 '/'로 끝내세요
pattern-warn-day-of-year = D는 연중 일(1–366)인데 여기서는 월과 함께 쓰였습니다. 월의 일은 dd를 쓰세요
pattern-warn-minutes = m은 분인데 여기서는 시 없이 날짜와 함께 쓰였습니다. 월은 MM을 쓰세요
pattern-warn-12-hour = h와 K는 12시간제입니다(오전과 오후의 객체 키가 같아짐). 0–23시는 HH를 쓰세요

## 계획 전체의 규칙(plan/validate.rs)
problem-error = 오류: {$path}: {$message}
problem-warning = 경고: {$path}: {$message}
rule-shards-needed = 프로비저닝된 스트림에는 샤드 수(1 이상)가 필요합니다
rule-shards-at-least-one = 샤드 수는 1 이상이어야 합니다. 현재 {$n}입니다
rule-shards-too-many = 샤드 {$n}개는 어떤 계정의 할당량도 넘습니다
rule-shards-on-demand = 온디맨드 스트림은 용량이 자동으로 조정되므로 샤드 수를 지정할 수 없습니다. shards를 지우거나 모드를 provisioned로 설정하세요
rule-lambda-buffer = Lambda 버퍼링 크기는 0.2–3 MiB여야 합니다. 현재 {$value}입니다
rule-lambda-interval = Lambda 버퍼링 간격은 0–900초여야 합니다. 현재 {$value}입니다
rule-lambda-retries = 재시도 횟수는 0 이상이어야 합니다. 현재 {$value}입니다
rule-output-format = {$value}: 출력 형식이 아닙니다. parquet 또는 orc를 쓰세요
rule-input-format = {$value}: 입력 형식이 아닙니다. openx_json 또는 hive_json을 쓰세요
what-glue-database = Glue 데이터베이스
what-glue-table = Glue 테이블
what-glue-version = Glue 테이블 버전
rule-glue-version = {$value}: 테이블 버전이 아닙니다. LATEST나 버전 번호를 쓰세요
rule-conversion-uncompressed = 레코드 형식 변환에서는 UNCOMPRESSED여야 합니다({$serializer} 직렬 변환기가 대신 압축합니다). 현재 {$value}입니다
rule-conversion-buffer = 레코드 형식 변환에서는 최소 {$min} MiB여야 합니다(보통 128). 현재 {$value}입니다
rule-partition-keys-count = 파티셔닝 키는 최대 {$max}개입니다. 현재 {$n}개입니다
rule-partition-keys-none = 파티셔닝 키(이름 = jq 표현식, 예: customer_id = .customer_id)를 하나 이상 정의하거나, 키를 반환하는 Lambda 변환을 쓰세요
rule-jq-query-length = 모든 키의 jq 쿼리가 {$n}자입니다. Firehose는 최대 {$max}자를 허용합니다
rule-retry-duration = 재시도 기간은 0–7200초여야 합니다. 현재 {$value}입니다
rule-delimiter-empty = 분해 구분 기호는 비워 둘 수 없습니다
rule-partitioning-buffer = 동적 파티셔닝에서는 최소 {$min} MiB여야 합니다. 현재 {$value}입니다
rule-partitioning-interval = 동적 파티셔닝에서는 최소 {$min}초여야 합니다. 현재 {$value}입니다
rule-backup-prefix-expressions = !{"{"}...{"}"} 표현식이 있는 백업 버킷 접두사에는 별도의 오류 출력 접두사가 필요하지만, 이 도구가 만드는 백업에는 그것을 지정할 수 없습니다. raw/처럼 표현식이 없는 접두사를 쓰세요
rule-backup-prefix = 백업 버킷 접두사: {$message}
rule-buffer-size = 버퍼링 크기는 1–128 MiB여야 합니다. 현재 {$value}입니다
rule-buffer-interval = 버퍼링 간격은 0–900초여야 합니다. 현재 {$value}입니다
rule-compression = {$value}: 압축 형식이 아닙니다. {$formats} 중 하나를 쓰세요
rule-compression-case = {$value}: 압축 형식이 아닙니다. {$formats} 중 하나를 쓰세요(대소문자 구분. 혹시: {$meant})
rule-stream-encryption-direct-put = 스트림 암호화는 Direct PUT 전용입니다. Kinesis 소스를 쓰면 Firehose는 데이터를 저장하지 않으므로 대신 Kinesis 데이터 스트림을 암호화하세요
rule-add-policy-no-effect = 효과가 없습니다. 이 도구가 생성(또는 재사용)하는 역할에는 항상 이 스트림의 정책이 추가됩니다
rule-bucket-placeholder = 아직 실습의 자리 표시자로 끝납니다({$placeholder}). 버킷 이름은 전역에서 고유해야 하므로 자신만의 이름으로 바꾸세요(`firehose-wizard init --lab`이 임의의 접미사로 계획을 씁니다)
rule-partitioning-prefix = 동적 파티셔닝에서는 필수이며 키를 써야 합니다. 예: customer_id=!{"{"}partitionKeyFromQuery:customer_id{"}"}/
rule-partitioning-error-prefix = 동적 파티셔닝에서는 필수입니다. 예: errors/!{"{"}firehose:error-output-type{"}"}/
rule-partitioning-prefix-keys = 동적 파티셔닝에서는 파티셔닝 키를 하나 이상 써야 합니다. 예: key=!{"{"}partitionKeyFromQuery:key{"}"}/
rule-lambda-key-needs-lambda = !{"{"}partitionKeyFromLambda:{$key}{"}"}: 키를 반환하는 Lambda 변환이 필요하지만 설정되어 있지 않습니다
rule-query-key-undefined = !{"{"}partitionKeyFromQuery:{$key}{"}"} 표현식을 쓰지만 이름이 {$key}인 파티셔닝 키가 정의되어 있지 않습니다
rule-partition-key-unused = 파티셔닝 키 {$key}: 접두사에서 쓰이지 않습니다. 추가하세요: !{"{"}partitionKeyFromQuery:{$key}{"}"}
rule-kinesis-region = Kinesis 스트림은 {$region}에 있지만 Firehose 스트림은 {$target}에 생성됩니다. Firehose는 같은 리전의 스트림만 읽습니다(--region {$region} 사용)
rule-kinesis-partition = Kinesis 스트림 ARN의 파티션은 {$partition}인데, 이 자격 증명의 파티션은 {$target}입니다
rule-role-partition = 역할 ARN의 파티션은 {$partition}인데, 이 자격 증명의 파티션은 {$target}입니다
rule-role-account = 역할은 계정 {$account}에 있지만 스트림은 계정 {$target}에 생성됩니다. Firehose에는 같은 계정의 역할이 필요합니다
rule-other-partition = {$what}의 파티션은 {$partition}인데, 이 자격 증명의 파티션은 {$target}입니다
rule-other-region = {$what}: {$region}에 있지만 Firehose 스트림은 {$target}에 생성됩니다. {$why}
what-lambda-function = Lambda 함수
what-kms-key = KMS 키
why-lambda-region = 콘솔은 스트림과 같은 리전의 함수만 보여 줍니다
why-s3-key-region = S3는 버킷과 같은 리전의 키로 암호화하며, 새 버킷은 스트림의 리전에 생성됩니다
why-firehose-key-region = Firehose는 같은 리전의 키로 암호화합니다

## 마법사의 화면, 목록, 상태(tui/wizard.rs)
step-name-source = 이름 및 소스
step-process = 레코드 처리
step-destination = 대상
step-settings = 설정
step-review = 검토
step-creating = 생성 중
step-done = 생성됨
step-failed = 생성 실패
list-streams = Kinesis 데이터 스트림
list-buckets = S3 버킷
list-roles = IAM 역할
list-and = ,{" "}
form-not-a-number = 숫자여야 합니다(예: 0.5, 1)
form-not-a-whole-number = 정수여야 합니다
form-not-a-pair = {$entry}: 이름=값 형식이 아닙니다. 항목 구분 기호는 '{$separator}'입니다
form-sample-not-json = JSON이 아닙니다({$error}). 미리 보기에 값 대신 <key>를 보여 줍니다
form-name-taken = 이 계정과 리전에 같은 이름의 Firehose 스트림이 이미 있습니다
form-name-check-failed = 이름이 사용 가능한지 확인하지 못했습니다: {$error}
form-role-untrusted = 이 역할의 신뢰 정책이 firehose.amazonaws.com의 역할 수임을 허용하지 않습니다. 다른 역할을 고르거나 새 역할을 생성하세요
form-role-missing = 정책에 이 스트림에 필요한 권한 {$count}개가 없습니다: {$missing}. 추가하려면 "이 스트림의 정책 추가"를 예로 설정하세요
form-role-check-failed = 역할의 정책을 읽지 못했습니다: {$error}
status-removed = firehose-wizard가 생성한 리소스 {$count}개를 삭제했습니다. 원래 있던 리소스는 그대로입니다
status-removed-some = {$count}개를 삭제했습니다. 삭제하지 못한 리소스: {$kept}
status-name-taken = 이미 사용 중인 이름입니다. 다른 이름을 고르세요
status-wait-removal = firehose-wizard가 생성한 리소스를 삭제하는 중입니다… 끝날 때까지 기다리세요
status-nothing-to-remove = firehose-wizard가 여기서 생성한 것이 없어 삭제할 것이 없습니다
status-nothing-to-watch = 스트림이 삭제되어 볼 것이 없습니다
status-fix-first = 먼저 {$title} 화면의 문제를 고치세요
status-first-screen = 첫 화면입니다. Ctrl-C로 종료합니다
status-nothing-to-fix = 고칠 것이 없습니다. 버퍼링과 압축 설정이 선택한 옵션에 맞습니다
status-floors-set = 설정함: {$fixes}
status-floors-needed = {$option}에 필요: {$fixes}. 설정 화면(또는 여기)에서 Ctrl-F로 설정합니다
status-lab-prefixes = 실습의 Hive 스타일 접두사(year=/month=/day=/hour=)를 넣었습니다
status-checking-name = {$name} 이름이 사용 가능한지 확인하는 중…
status-removing = firehose-wizard가 생성한 리소스를 최근에 만든 것부터 삭제하는 중…
status-not-choosable = {$item}: 선택할 수 없습니다({$detail})
floor-buffer-size = 버퍼링 크기 64 MiB 이상(128로 설정)
floor-buffer-interval = 버퍼링 간격 60초 이상
floor-uncompressed = 압축 UNCOMPRESSED
row-attempt = 시도 {$attempt}: {$reason}
row-status = 상태 {$status}
row-sdk-retry = {$operation} 시도 {$attempt}/{$attempts}: {$reason}. 다시 시도합니다
policies-title = IAM 정책
policies-trust = 역할의 신뢰 정책:
policies-permissions = 역할의 권한 정책 {$name}:
request-title = CreateDeliveryStream 요청
request-not-yet = 아직 요청을 만들 수 없습니다: {$error}

## 키: 바닥글의 낱말(key-short-)과 도움말의 줄(key-help-)
keys-title = 키
keys-legend = • = 이 화면에서 쓰는 키
key-short-back = 뒤로
key-short-cancel = 취소
key-short-change = 변경
key-short-choose = 선택
key-short-close = 닫기
key-short-create = 생성
key-short-destroy = 삭제
key-short-edit = 편집
key-short-field = 필드
key-short-filter = 필터
key-short-help = 도움말
key-short-hide-verdict = 결과 숨기기
key-short-hour = 시간 이동
key-short-keys = 키
key-short-lab-prefixes = 실습 접두사
key-short-list = 목록
key-short-move = 이동
key-short-next = 다음
key-short-next-screen = 다음 화면
key-short-no = 아니요
key-short-object = 객체
key-short-policies = 정책
key-short-prev-screen = 이전 화면
key-short-preview = 미리 보기
key-short-quit = 종료
key-short-refresh = 새로 고침
key-short-reload = 다시 불러오기
key-short-remove = 삭제
key-short-request = 요청
key-short-retry = 재시도
key-short-save = 저장
key-short-scroll = 스크롤
key-short-smoke-test = 스모크 테스트
key-short-verdict = 결과
key-short-watch = 모니터링
key-short-yes = 예
key-help-a-live-view-of-the-stream-metrics-objects-errors = 스트림을 실시간으로 보기: 지표, 객체, 오류
key-help-all-keys = 모든 키
key-help-all-keys-also-while-typing = 모든 키(입력 중에도)
key-help-back-one-screen-nothing-is-lost = 이전 화면으로(입력은 그대로)
key-help-back-to-review-to-edit-input-kept = 검토 화면으로 돌아가 편집(입력은 그대로)
key-help-back-to-the-summary = 요약 화면으로 돌아가기
key-help-cancel = 취소
key-help-change-the-choice = 선택 변경
key-help-choose = 선택
key-help-choose-from-the-live-list = 실시간 목록에서 선택
key-help-close = 닫기
key-help-create-asks-first = 생성(먼저 묻습니다)
key-help-destroy-what-firehose-wizard-created-asks-first = firehose-wizard가 생성한 것을 삭제(먼저 묻습니다)
key-help-edit-that-screen-then-come-back-here = 그 화면을 편집하고 여기로 돌아오기
key-help-filter-the-list = 목록 필터링
key-help-hide-the-smoke-test-s-verdict = 스모크 테스트 결과 숨기기
key-help-highlight-an-object = 객체 강조
key-help-insert-the-lab-s-hive-style-prefixes = 실습의 Hive 스타일 접두사 넣기
key-help-move = 이동
key-help-move-the-metrics-window-over-the-last-hour = 지난 1시간 안에서 지표 구간 이동
key-help-next-field-on-the-last-field-next-screen = 다음 필드(마지막 필드에서는 다음 화면)
key-help-next-previous-field = 다음/이전 필드
key-help-next-screen-also-pgdn-when-this-one-has-no-error = 다음 화면, PgDn도 같음(이 화면에 오류가 없을 때)
key-help-no = 아니요
key-help-previous-screen-also-pgup = 이전 화면, PgUp도 같음
key-help-quit = 종료
key-help-quit-asks-first-if-anything-would-be-lost = 종료(잃을 것이 있으면 먼저 묻습니다)
key-help-refresh-now-it-also-refreshes-every-10-s = 지금 새로 고침(10초마다 자동으로도 새로 고침)
key-help-reload-the-list = 목록 다시 불러오기
key-help-remove-what-firehose-wizard-created-asks-first = firehose-wizard가 생성한 것을 삭제(먼저 묻습니다)
key-help-retry-the-creation = 생성 재시도
key-help-save = 저장
key-help-save-the-plan-to-a-file = 계획을 파일로 저장
key-help-scroll = 스크롤
key-help-send-test-records-and-show-where-they-land-in-s3 = 테스트 레코드를 보내고 S3에 도착한 위치 보기
key-help-send-test-records-and-watch-them-arrive = 테스트 레코드를 보내고 도착 지켜보기
key-help-the-first-lines-of-the-highlighted-object = 강조된 객체의 처음 몇 줄
key-help-the-last-smoke-test-s-whole-verdict = 마지막 스모크 테스트의 전체 결과
key-help-view-the-createdeliverystream-request = CreateDeliveryStream 요청 보기
key-help-view-the-iam-policies = IAM 정책 보기
key-help-yes-enter-also-answers-yes-except-to-create = 예(Enter도 예, 단 생성은 제외)

## 필드 아래의 안내(tui/screens/*.rs)
note-name-checking = {"    "}이름이 사용 가능한지 확인하는 중…
note-name-free = {"    "}✓ 이 계정과 리전에서 사용 가능합니다
note-direct-put = 생산자가 Firehose PutRecord / PutRecordBatch로 씁니다
note-new-kinesis = Firehose 스트림보다 먼저 생성하고 ACTIVE가 될 때까지 기다립니다(AWS에서 약 1분)
note-streams-failed = 스트림 목록을 가져오지 못했습니다: {$error}
note-streams-loading = 스트림 목록을 가져오는 중… 지금까지 {$count}개 (↓로 선택)
note-streams = 이 리전의 스트림 {$count}개, ACTIVE {$active}개 (↓로 선택)
note-on-demand = 온디맨드: 용량이 트래픽을 따라가며 GB당 과금됩니다
note-provisioned = 프로비저닝됨: 샤드 수가 고정되며 샤드당 쓰기 1MB/s, 읽기 2MB/s입니다
note-lambda = 레코드 배치마다 Lambda 함수를 호출해 전송 전에 변환합니다
note-lambda-arn = 역할에 이 ARN에만 한정된 lambda:InvokeFunction과 lambda:GetFunctionConfiguration 권한이 부여됩니다
note-conversion = AWS Glue 테이블의 스키마로 JSON 레코드를 Apache Parquet 또는 ORC로 변환합니다
note-conversion-floors = 버퍼링 크기 64 MiB 이상, 압축 UNCOMPRESSED(직렬 변환기가 압축)가 필요합니다. Ctrl-F로 설정합니다
note-choose-bucket = ↓로 내 버킷에서 선택
note-partitioning = 생성할 때 정하며 나중에 끌 수 없습니다. 버퍼링 64 MiB / 60초 이상이 필요합니다(Ctrl-F로 설정)
note-partition-keys = 각 키를 접두사에서 !{"{"}partitionKeyFromQuery:KEY{"}"}로 쓰세요
note-floors = 선택한 옵션에 필요한 값: {$fixes}. Ctrl-F로 설정합니다
note-log-group = 로그 그룹 {$group} (스트림 {$streams}), 없으면 생성합니다
note-roles-loading = 역할 목록을 가져오는 중… 지금까지 {$count}개
note-roles = 역할 {$count}개, 그중 Firehose를 신뢰하는 역할 {$trusted}개 (↓로 선택)
note-role-reading = 역할의 정책을 읽는 중…
note-role-ok = {"    "}✓ Firehose를 신뢰하며, 정책이 이 스트림에 필요한 권한을 부여합니다
note-role-new = 새로 생성(같은 이름의 역할이 있고 Firehose를 신뢰하면 재사용), 이 스트림 전용 최소 권한

## AWS errors: what to do next (cloud/errors.rs)
aws-no-message = (AWS가 메시지를 보내지 않았습니다)
hint-access-denied = 이 자격 증명으로는 {$operation} 호출이 허용되지 않습니다. 그 권한을 요청하거나 다른 --profile을 사용하세요
hint-expired-token = 자격 증명이 만료되었습니다. 갱신한 뒤(SSO는 aws sso login --profile NAME, 임시 키는 새로 발급) 다시 실행하세요
hint-invalid-key = 액세스 키 또는 보안 액세스 키가 이 엔드포인트에서 유효하지 않습니다. AWS_PROFILE / --profile과 그 프로파일의 키를 확인하세요
hint-throttled = AWS가 이 계정의 요청을 제한(스로틀링)하고 있습니다. 1분 기다린 뒤 다시 실행하세요
hint-stream-name-taken = 이 계정과 리전에 같은 이름의 Firehose 스트림이 이미 있습니다. 다른 이름을 고르거나 기존 스트림을 삭제하세요
hint-firehose-quota = 계정이 Firehose 할당량(기본값: 리전당 Firehose 스트림 50개)에 도달했습니다. 쓰지 않는 스트림을 삭제하거나 할당량 증가를 요청하세요
hint-no-kinesis-stream = 이 계정과 리전에 그런 Kinesis 스트림이 없습니다. 이름과 --region을 확인하거나 스트림을 먼저 생성하세요
hint-bucket-taken = 이미 사용 중인 버킷 이름입니다(버킷 이름은 모든 AWS 계정에서 고유). 다른 이름을 고르세요(firehose-wizard init --lab은 고유한 이름을 만듭니다)
hint-bucket-name = 버킷 이름이 S3 명명 규칙에 맞지 않습니다: 소문자, 숫자, '.', '-'로 3–63자
hint-no-role = 그런 IAM 역할이 없습니다. 이름을 확인하거나 firehose-wizard가 생성하게 하세요({"{"}"create": NAME{"}"})
hint-malformed-policy = IAM이 정책 문서를 거부했습니다. firehose-wizard의 버그이니 로그 파일과 함께 알려 주세요
hint-invalid-argument = AWS가 파라미터를 거부했습니다. 어느 것인지는 위 메시지에 있습니다
hint-kms-key = KMS 키를 사용할 수 없습니다. 키가 존재하고 활성화되어 있으며 Firehose를 허용하는지 확인하세요
hint-unreachable-emulator = AWS에 연결할 수 없습니다. 네트워크, 리전, --endpoint-url을 확인하세요(로컬 에뮬레이터라면 실행 중인지 확인)
hint-no-credentials = 사용할 수 있는 AWS 자격 증명이 없습니다. AWS_PROFILE을 설정하거나 --profile을 지정하거나, `aws configure` 또는 `aws sso login`을 실행하세요
hint-unreachable = AWS에 연결할 수 없습니다. 네트워크, 리전, --endpoint-url을 확인하세요
hint-timeout = AWS가 제시간에 응답하지 않았습니다. 네트워크를 확인하고 다시 실행하세요
hint-bug = firehose-wizard의 버그입니다
hint-run-again = 다시 실행하세요

## Connecting (cloud/mod.rs)
cloud-no-region-profile = 프로파일 {$profile}에 AWS 리전이 설정되어 있지 않습니다
cloud-no-region-profile-hint = ~/.aws/config(또는 AWS_CONFIG_FILE)에 [profile {$profile}] 섹션이 있고 region이 설정되어 있는지 확인하거나 --region을 지정하세요
cloud-no-region = AWS 리전이 설정되어 있지 않습니다
cloud-no-region-hint = --region을 지정하거나(예: --region us-east-1), AWS_REGION을 설정하거나, AWS 프로파일에 region을 설정하세요
cloud-no-root-certificates = SSL_CERT_FILE, SSL_CERT_DIR, 시스템 인증서 저장소 어디에서도 신뢰할 루트 인증서를 찾지 못해 HTTPS 연결을 신뢰할 수 없습니다: {$detail}
cloud-no-root-certificates-empty = 어느 곳에도 인증서가 없습니다
cloud-no-root-certificates-hint = 시스템의 CA 인증서(ca-certificates 패키지)를 설치하거나, 신뢰할 인증 기관의 PEM 파일을 SSL_CERT_FILE로 지정하세요
cloud-no-credentials-profile = 프로파일 {$profile}에 사용할 수 있는 자격 증명이 없습니다. ~/.aws/config 또는 ~/.aws/credentials에 이 프로파일이 있는지 확인하거나 `aws sso login --profile {$profile}` 명령을 실행하세요
cloud-bad-account = STS가 예상하지 못한 계정 ID를 돌려주었습니다: {$account}
cloud-bad-account-hint = 사용 중인 엔드포인트와 자격 증명을 확인하세요

## state folder and endpoints (issue 24)
state-refused = 오류: 상태 폴더가 본인 전용이 될 때까지 firehose-wizard는 그 안에서 아무것도 읽거나 쓰지 않습니다: {$problem}
state-not-yours = {$path}의 소유자가 본인(uid {$user})이 아니라 uid {$owner}이므로 다른 사용자가 넣었을 수 있습니다. 본인의 것이면 root로 `{$fix}`을(를) 실행해 고치고, 아니면 삭제하세요
state-above-not-yours = 상태 폴더의 상위 폴더 {$path}의 소유자가 본인(uid {$user})도 root도 아닌 uid {$owner}입니다. XDG_STATE_HOME을 본인 소유의 폴더로 설정하세요
state-writable = 다른 사용자가 {$path}에 쓸 수 있습니다(모드 {$mode}). `{$fix}`(으)로 고치세요
state-above-writable = 상태 폴더의 상위 폴더 {$path}에 다른 사용자가 쓸 수 있고(모드 {$mode}) 스티키 비트가 없습니다. `{$fix}`(으)로 고치거나 XDG_STATE_HOME을 본인 소유의 폴더로 설정하세요
state-link-not-yours = {$path}은(는) 본인(uid {$user})이 아닌 uid {$owner} 소유의 심볼릭 링크입니다. 본인의 것이면 root로 `{$fix}`을(를) 실행해 고치고, 아니면 삭제하세요
state-uncheckable = {$path}을(를) 검사할 수 없습니다: {$error}
endpoint-unencrypted = 경고: {$url}은(는) 다른 컴퓨터로 가는 평문 http입니다. 이곳으로 가는 요청은 암호화되지 않아 경로상의 누구나 읽을 수 있습니다(서명된 요청과 세션 토큰 포함)

## Removing (cloud/destroy.rs) and the journal (cloud/journal.rs)
journal-error = 저널을 사용할 수 없습니다({$path}): {$message}
journal-unreadable = 읽을 수 없음: {$error}
journal-other-stream = 이 스트림이 아닌 {$stream}의 기록입니다(버전 {$version})
journal-unwritable-hint = 상태 디렉터리(XDG_STATE_HOME 또는 ~/.local/state)에 쓸 수 있는지 확인하세요. 저널을 쓸 수 있을 때까지 더 생성하지 않습니다
destroy-kept-unanswered = 생성 호출이 응답하지 않았고 AWS에도 아직 보이지 않습니다. {$minutes}분 뒤에 destroy를 다시 실행하세요
destroy-kept-in-use = 이것을 사용하는 Firehose 스트림이 아직 있습니다
destroy-kept-role-policies = firehose-wizard가 생성한 뒤 다른 정책이 추가되었습니다. 역할을 없애려면 그 정책을 먼저 제거하세요
destroy-kept-objects = 객체 {$count}개가 들어 있습니다. 객체와 버킷을 삭제하려면 --with-objects를 붙여 destroy를 다시 실행하세요
destroy-still-deleting = {$kind} {$id}: {$seconds}초가 지나도 아직 삭제 중입니다
destroy-still-deleting-hint = 저절로 사라집니다. 나중에 destroy를 다시 실행해 확인하세요
destroy-objects-failed = 객체 {$count}개를 삭제하지 못했습니다. {$key}: {$message}
destroy-objects-failed-hint = 버킷은 남겨 두었습니다. 객체 잠금이나 버킷 정책을 확인하세요
interrupted-nothing = firehose-wizard가 이 스트림을 위해 생성한 것은 없습니다
interrupted-journal = firehose-wizard가 생성한 것(저널 {$path}):
interrupted-entry = {"  "}{$kind} {$id}
interrupted-entry-unanswered = {"  "}{$kind} {$id} (생성 호출이 응답하지 않았습니다. 다음 apply 또는 destroy가 확인합니다)
interrupted-unreadable = 무엇이 있는지 다시 읽지 못했습니다({$error}). 저널에는 보낸 생성 호출이 모두 남아 있습니다
interrupted-resume = 이어서 하려면: firehose-wizard apply {$plan}
interrupted-remove = firehose-wizard가 생성한 것을 제거하려면: firehose-wizard destroy {$plan}

## Where an existing stream differs from the plan (plan/request.rs)
difference = {$setting}: 스트림은 {$existing}, 계획은 {$planned}
setting-type = 유형
setting-source-stream = 소스 스트림
setting-stream-encryption = 스트림 암호화
setting-destination = 대상
setting-bucket = 버킷
setting-role = 역할
setting-prefix = 접두사
setting-error-prefix = 오류 출력 접두사
setting-buffering = 버퍼링
setting-compression = 압축
setting-s3-encryption-key = S3 암호화 키
setting-record-processing = 레코드 처리
setting-record-format-conversion = 레코드 형식 변환
setting-dynamic-partitioning = 동적 파티셔닝
setting-file-extension = 파일 확장자
setting-time-zone = 시간대
setting-source-record-backup = 소스 레코드 백업
setting-error-logging = 오류 로깅
value-none = 없음
value-off = 꺼짐
value-on = 켜짐
value-aws-owned-key = AWS 소유 키
value-no-s3-destination = Amazon S3 대상 없음
value-other-parameters = {$value} (다른 파라미터)
value-glue-table = Glue 테이블 {$table}
value-to = → {$place}

## Creating: the steps and what each found or made (cloud/provision.rs)
step-account = 계정
step-checks = 사전 확인
step-source = 소스 스트림
step-bucket = 버킷
step-logs = 오류 로깅
step-role = 역할
step-stream = Firehose 스트림
step-active = ACTIVE 대기
done-created = 생성됨
done-reused = 재사용
done-found = 찾음
done-ok = 확인됨
done-skipped = 건너뜀
kind-kinesis-stream = Kinesis 스트림
kind-bucket = S3 버킷
kind-role = IAM 역할
kind-role-policy = IAM 인라인 정책
kind-log-group = CloudWatch 로그 그룹
kind-log-stream = CloudWatch 로그 스트림
kind-delivery-stream = Firehose 스트림
resource-created = {$kind} {$id} (firehose-wizard가 생성)
resource-existed = {$kind} {$id} (원래 있던 것)
origin-created = 생성됨
origin-created-recovered = 생성됨. 응답이 유실되었지만 조회로 찾았습니다
origin-ours = 이전에 firehose-wizard가 생성
origin-existed = 원래 있던 것
cloud-no-stream-description = Kinesis가 스트림 설명을 돌려주지 않았습니다
cloud-no-role = IAM이 역할을 돌려주지 않았습니다
journal-not-open = 저널이 아직 열리지 않았습니다
hint-creating-failed = CREATING_FAILED 상태의 스트림은 복구되지 않습니다. 제거하고(`firehose-wizard destroy PLAN`은 이 스트림과 firehose-wizard가 생성한 나머지를 삭제합니다) 원인을 고친 뒤 다시 생성하세요
poll-timeout = {$seconds}초가 지나도 Firehose 스트림 상태가 아직 {$status}입니다
poll-timeout-hint = 아직 ACTIVE가 될 수 있습니다. 나중에 `aws firehose describe-delivery-stream`으로 확인하세요
retry-resend = {$error}. {$kind} {$id}: 존재하지 않으므로 호출을 다시 보냅니다
hint-appeared = {$kind} {$id}: 이번 실행이 생성하는 동안 다른 누군가가 생성했습니다. 그대로 쓰려면 apply를 다시 실행하세요
hint-fix-plan = 계획을 고치거나, 적용할 때 쓰는 --region / --profile을 고치세요
hint-journal-damaged = 파일이 손상되었다면 다른 곳으로 옮기세요(그러면 firehose-wizard는 이 스트림을 위해 무엇을 생성했는지 더는 알지 못합니다)
detail-account-journal = {$place}. 저널에 firehose-wizard가 이전에 생성한 리소스 {$count}개가 있습니다
detail-name-free = {$name}: 사용 가능
undo-ours = `firehose-wizard destroy PLAN`이 제거합니다(firehose-wizard가 생성한 것)
undo-not-ours = firehose-wizard가 생성하지 않았으므로 삭제하지 않습니다
differences-more = {$shown}. 그 밖에 {$more}개
stream-differs = 이름이 {$name}인 Firehose 스트림이 다른 구성으로 이미 있습니다: {$differences}
stream-differs-hint = 계획을 그 스트림에 맞추거나 다른 이름을 고르세요. {$undo}
stream-exists-failed = Firehose 스트림 {$name}: 있지만 CREATING_FAILED 상태입니다{$reason}
stream-exists-failed-hint = 그 상태에서는 복구되지 않습니다. 삭제한 뒤 다시 apply하세요. {$undo}
stream-exists-status = Firehose 스트림 {$name}: 있지만 {$status} 상태입니다
stream-exists-status-hint = 사라지거나 ACTIVE가 될 때까지 기다린 뒤 다시 apply하세요
detail-stream-reused = {$name}: 있고 계획과 일치합니다({$origin}). 재사용합니다
detail-role-trusts = 역할 {$role}: Firehose를 신뢰함
detail-role-to-create = 역할 {$role}: 생성 예정
detail-checks = {$stream}. {$role}
detail-direct-put = Direct PUT: 소스 스트림 없음
kinesis-not-active = Kinesis 스트림 상태가 ACTIVE가 아니라 {$status}입니다
kinesis-not-active-hint = ACTIVE가 될 때까지 기다린 뒤(새 스트림은 1분쯤 걸립니다) 다시 실행하세요
source-arn-unexpected = Kinesis가 알려 준 소스 ARN: {$arn}. 역할의 정책이 허용하는 ARN: {$granted}
held-back = 만들지 않았습니다. 먼저 실패한 단계: {$number}/{$steps} ({$step})
bucket-taken = 버킷 이름을 쓸 수 없습니다: {$bucket} (HeadBucket 응답 {$status}). {$why}
bucket-taken-other = 다른 AWS 계정의 버킷이거나, 이 자격 증명으로는 볼 수 없습니다(s3:ListBucket)
bucket-taken-region = 같은 이름의 버킷이 있는 리전: {$region}
detail-kinesis-provisioned = {$arn} (프로비저닝됨, 샤드 {$shards}개), ACTIVE
detail-kinesis-on-demand = {$arn} (온디맨드), ACTIVE
detail-origin = {$what} ({$origin})
detail-logging-off = 오류 로깅이 꺼져 있습니다
detail-logs = {$group} (스트림 {$streams})
detail-logs-some = {$group} (스트림 {$streams}). 이번에 생성: {$created}
detail-with-backup = {$detail}. 백업 대상 {$backup} (찾음)
detail-in-region = {$what} ({$region})
role-arn-differs = 계획의 역할은 {$given}이지만, 이 계정의 역할 {$name}의 ARN은 {$arn}입니다
role-arn-differs-hint = 역할의 정확한 ARN(경로 포함)이나 이름만 쓰세요
detail-role-as-is = {$arn} (그대로 사용. 정책이 이 스트림에 필요한 권한을 부여함)
detail-role-lacks = {$arn} (그대로 사용) 경고: 정책에 이 스트림에 필요한 권한 {$count}개가 없습니다: {$missing}. 버킷, 키 또는 함수 정책이 부여하지 않으면 전송이 실패합니다(settings.add_policy_to_role이 이 스트림의 정책을 추가합니다)
policy-unchanged = 변경 없음, {$origin}
policy-updated = 이 계획의 정책으로 갱신, {$origin}
detail-role = {$arn} ({$role}) + 정책 {$policy} ({$how})
role-untrusted = 역할 {$arn}: 있지만 firehose.amazonaws.com이 수임할 수 없습니다
role-untrusted-hint = 다른 역할 이름(settings.role)을 고르거나, 그 역할의 신뢰 정책에 firehose.amazonaws.com을 추가하세요
detail-stream-matches = {$arn} (계획과 일치. {$origin})
hint-propagation = {$seconds}초가 지나도 Firehose가 역할을 사용하지 못했습니다. 신뢰 정책에 firehose.amazonaws.com이 있는지(sts:ExternalId 조건이 있다면 이 계정 {$account}인지), 권한이 버킷과 소스 스트림을 포함하는지 확인하세요
stream-being-deleted = 스트림 상태가 {$status}(삭제 중)이므로 ACTIVE가 되지 않습니다
creating-failed-no-reason = CREATING_FAILED (AWS가 이유를 주지 않았습니다)
detail-recovered = {$detail} (응답이 유실되었지만 조회로 찾았습니다)
bucket-not-found = 버킷 {$bucket}: 존재하지 않습니다
bucket-not-found-hint = 이름을 확인하거나, 생성하려면 destination.create_bucket을 true로 설정하세요
bucket-forbidden = 버킷 {$bucket}: 있지만 이 자격 증명으로 접근할 수 없습니다(다른 계정의 버킷일 수 있습니다)
bucket-forbidden-hint = 자신의 계정에 있는 버킷을 고르세요

## The stream's state (cloud/monitor.rs)
no-such-stream = Firehose 스트림이 없습니다: {$name} ({$region})
no-such-stream-hint = 이름과 리전(--region, --profile)을 확인하세요. `firehose-wizard apply PLAN`이 계획의 스트림을 생성합니다
read-object-failed = {$object} 읽기 실패: {$error}
hint-network-again = 네트워크를 확인하고 다시 실행하세요
part-failed = {$part}: {$error}
part-metrics = 지표
part-error-log = 오류 로그
part-objects = 객체
objects-too-many = 객체: {$root} 아래에 키가 {$max}개보다 많습니다. 가장 새 객체가 그 뒤에 있을 수 있습니다
hint-not-firehose-object = Firehose가 쓰는 형태의 객체가 아닙니다
preview-empty = (비어 있음)
preview-opaque = {$kind} 객체: 레코드를 텍스트로 보여 줄 수 없습니다

## Data flow: metrics and the likely causes of missing records (plan/dataflow.rs)
not-gzip = GZIP으로 읽을 수 없습니다: {$error}
metric-read-from-kinesis = Kinesis에서 읽은 레코드
metric-incoming = 수신 레코드
metric-delivered = S3로 전송된 레코드
metric-bytes = S3로 전송된 바이트
metric-success = S3 전송 성공률
metric-freshness = 데이터 최신성
metric-throttled-get-records = 스로틀링된 GetRecords
metric-throttled = 스로틀링된 레코드
cause-another-destination = 다른 대상
cause-not-s3 = 이 스트림은 S3가 아니라 다른 대상({$destination})으로 전송합니다. firehose-wizard는 S3 대상만 확인합니다
cause-the-extension = 스트림의 확장자
cause-wrong-extension = 테스트 레코드가 든 객체가 예상한 접두사 아래에 있지만 확장자가 다릅니다(예상: {$extension}). 그 객체를 쓴 주체가 스트림의 압축, 형식 변환, 파일 확장자 설정대로 이름을 붙이지 않았습니다
cause-unevaluated = 객체 키에 접두사의 표현식이 쓰인 그대로 들어 있습니다({$prefix}). 그 객체를 쓴 주체가 Firehose처럼 접두사를 평가하지 않았습니다
cause-elsewhere = 레코드가 s3://{$bucket}/에 도착했지만 firehose-wizard가 예상한 접두사 아래는 아닙니다. 접두사의 타임스탬프는 레코드 도착 시각을 {$zone} 기준으로 계산합니다. 접두사를 확인하세요
cause-elsewhere-keys = 레코드가 s3://{$bucket}/에 도착했지만 firehose-wizard가 예상한 접두사 아래는 아닙니다. 접두사의 타임스탬프는 레코드 도착 시각을 {$zone} 기준으로 계산합니다. 접두사와 파티셔닝 키의 jq 표현식을 확인하세요
cause-error-objects = Firehose가 오류 객체를 썼습니다(위에 표시). 레코드가 처리 단계에서 실패했으며, 어느 단계인지는 오류 유형과 메시지에 있습니다
cause-error-log = 전송 오류 로그(위에 표시)에 무엇이 실패했는지 나옵니다(예: S3.AccessDenied, KMS 오류)
cause-not-yet = Firehose가 아직 전송하지 않았을 수 있습니다. 레코드를 버퍼링 간격({$interval}초)까지 모아 두고, S3 전송에 1–2분이 더 걸릴 수 있습니다. 더 긴 --timeout으로 스모크 테스트를 다시 실행하세요
cause-kinesis-unread = Firehose가 Kinesis 스트림 {$stream}에서 레코드를 읽지 못했습니다. 역할({$role})에 {$arn}에 대한 kinesis:DescribeStream, GetShardIterator, GetRecords, ListShards가 필요하며, 스트림이 역할이 쓸 수 없는 키로 암호화되어 있으면 안 됩니다
cause-no-incoming = CloudWatch에 {$stream}({$region})의 수신 레코드가 없습니다. 레코드를 다른 리전이나 계정으로 보내지 않았는지 확인하세요
cause-not-delivered = Firehose가 레코드 {$count}개를 받았지만 S3로 하나도 전송하지 않았습니다. 역할({$role})에 arn:aws:s3:::{$bucket}/*에 대한 s3:PutObject가 허용되어야 하고, 버킷 정책이나 KMS 키가 거부하면 안 됩니다
cause-kinesis-maybe-unread = Firehose가 Kinesis 스트림 {$stream}에서 레코드를 읽지 못하고 있을 수 있습니다. 역할({$role})에 그 스트림에 대한 kinesis:DescribeStream, GetShardIterator, GetRecords, ListShards가 필요합니다
cause-s3-permissions = 역할({$role})에 s3://{$bucket}/ 쓰기(s3:PutObject)가 허용되지 않았거나, 버킷 정책이나 KMS 키가 거부하고 있을 수 있습니다
cause-lambda = Lambda 변환 함수 {$function}에서 실패나 시간 초과가 날 수 있습니다. 실패한 레코드는 processing-failed 유형으로 오류 출력 접두사 아래에 저장됩니다
cause-conversion = Glue 테이블의 스키마에 맞지 않는 레코드는 format-conversion-failed 유형으로 오류 출력 접두사 아래에 저장됩니다
cause-logging-off = 이 스트림은 오류 로깅이 꺼져 있어 Firehose가 남기는 전송 실패 기록이 없습니다. 보려면 CloudWatch 오류 로깅을 켜세요

## Sending test records and the smoke test (cloud/dataflow.rs)
sink-other-source = Firehose 스트림 {$name}의 소스는 {$kind}입니다. firehose-wizard는 Direct PUT 스트림이나 Kinesis 데이터 스트림으로만 테스트 레코드를 보낼 수 있습니다
sink-other-source-hint = 테스트 레코드를 소스에 직접 쓰세요
sink-kinesis = Kinesis 스트림 {$name}
sink-firehose = Firehose 스트림 {$name} (Direct PUT)
answer-count = 보낸 레코드는 {$sent}개인데 응답에는 {$listed}개가 있습니다
answer-count-hint = 다시 실행하세요. 계속되면 엔드포인트가 AWS처럼 응답하지 않는 것입니다
note-listing-failed = {$place} 목록 조회 실패: {$error}
note-listing-long = {$place} 아래 객체가 {$max}개보다 많아 앞쪽만 보았습니다
note-object-large = {$object}: {$limit}보다 커서 앞부분만 읽었습니다
note-object = {$object}: {$error}
note-log-unreadable = 오류 로그를 읽지 못했습니다: {$error}
smoke-not-s3 = Firehose 스트림 {$name}의 대상은 S3가 아니라 {$destination}입니다
smoke-not-s3-hint = 스모크 테스트는 S3 대상만 확인합니다
note-bucket-large = s3://{$bucket}/에 객체가 {$max}개보다 많습니다. 그 뒤의 객체는 테스트 시작 뒤(시계 차이로 {$minutes}분 여유)에 수정되었으면 새 객체로 봅니다
note-metrics-unreadable = 지표를 읽지 못했습니다: {$error}
cause-not-sent = 레코드 {$total}개 중 {$failed}개를 보내지 못했습니다({$why})
stream-not-active = Firehose 스트림 {$name}의 상태: {$status}
stream-creating-hint = ACTIVE가 되면(보통 1–2분 안에) 레코드를 받습니다. 그때 다시 실행하세요
stream-not-active-hint = ACTIVE 상태의 Firehose 스트림만 레코드를 받습니다

## The SDK's retries (cloud/retries.rs)
retry-reason = {$what} ({$kind})
retry-kind-throttled = 스로틀링
retry-kind-transient = 일시적 오류
retry-kind-server = 서버 오류
retry-kind-client = 클라이언트 오류
retry-kind-other = 재시도 가능한 오류
retry-no-answer-in-time = 제시간에 응답 없음
retry-no-answer-because = 응답 없음, {$cause}
retry-no-answer = 응답 없음

## Leaving the program (tui/app.rs)
app-no-runtime = 오류: 비동기 런타임을 시작할 수 없습니다: {$error}
app-no-signals = 오류: 시그널을 받을 수 없습니다
app-no-terminal = 오류: 터미널에 그릴 수 없습니다: {$error}
app-signalled = firehose-wizard: {$signal} 시그널을 받았습니다. 터미널을 복원했습니다
app-exists = {"  "}있음: {$resource}
app-stream-arn = Firehose 스트림 ARN: {$arn}
app-left-creating = 생성 중에 나갔습니다. 진행 중이던 호출은 중단했습니다. 지금까지의 단계:
app-in-flight = 진행 중
app-failed = 실패
app-step-failed = 오류: {$number}단계({$step}) 실패: {$error}
app-failed-earlier = 앞서 생성이 실패했습니다. 그때 생성한 것이 아직 있습니다:
app-nothing-created = 아무것도 생성하지 않았습니다
app-no-aws = AWS가 설정되어 있지 않습니다
app-no-aws-hint = --profile과 --region을 확인하세요
app-no-answer-20s = 20초 안에 응답이 없습니다
app-no-state-dir-journal = firehose-wizard가 생성한 것을 기록할 저널의 상태 디렉터리가 없습니다
app-no-state-dir = 상태 디렉터리가 없습니다
app-no-state-dir-hint = HOME 또는 XDG_STATE_HOME을 설정하세요
app-cannot-keep-plan = 계획을 보관할 수 없습니다({$path}): {$error}
app-state-dir-writable = 상태 디렉터리(XDG_STATE_HOME 또는 ~/.local/state)에 쓸 수 있는지 확인하세요
app-save-exists = {$path}: 이미 있습니다. 다른 이름을 고르세요

## Creating and its outcome (tui/screens/progress.rs)
progress-pending = 대기
progress-running = 진행 중
progress-retry-in = {$seconds}초 후 재시도
progress-failed = 실패
progress-creating = {" "}생성 중… Ctrl-C는 나가기 전에 묻습니다
progress-destroyed = {" "}✓ 삭제됨: firehose-wizard가 이 스트림을 위해 생성한 것은 모두 없어졌습니다
progress-left-alone = {"   "}그대로 둠: {$resource}
progress-created = {" "}✓ 생성됨. Firehose 스트림이 ACTIVE입니다
progress-smoke-kinesis = 스모크 테스트: Kinesis 스트림 {$stream}에 테스트 레코드 10개를 보내고 s3://{$bucket}/에 도착하는 것(또는 도착하지 않는 이유)을 보여 줍니다
progress-smoke-direct-put = 스모크 테스트: Firehose(Direct PUT)로 테스트 레코드 10개를 보내고 s3://{$bucket}/에 도착하는 것(또는 도착하지 않는 이유)을 보여 줍니다
progress-watch = 모니터링: 스트림의 지표, 최신 객체, 오류를 실시간으로
progress-step-failed = {" "}✗ {$number}단계({$step}) 실패
progress-hint = 힌트: {$hint}
progress-nothing = {"   "}생성하거나 재사용한 것이 없습니다
progress-what-exists = {" "}지금 있는 것:

## Review (tui/screens/review.rs)
review-source-kinesis = Kinesis 데이터 스트림 {$stream}
review-source-new-provisioned = 새 Kinesis 스트림 {$name} (프로비저닝됨, 샤드 {$shards}개)
review-source-new-on-demand = 새 Kinesis 스트림 {$name} (온디맨드)
review-lambda = Lambda {$arn} · {$size} MiB / {$interval}초 · 재시도 {$retries}회
review-lambda-disabled = Lambda 변환: 비활성화됨
review-conversion = 변환 {$input} → {$output}, Glue {$table} ({$version})
review-conversion-disabled = 레코드 형식 변환: 비활성화됨
review-bucket-new = {$bucket} (새 버킷)
review-bucket-existing = {$bucket} (기존 버킷)
review-keys-from-lambda = Lambda가 반환하는 키
review-new-line = 새 줄 구분 기호
review-deaggregate-json = 다중 레코드 분해: JSON
review-deaggregate-on = 다중 레코드 분해: {$delimiter}
review-retry = 재시도 {$seconds}초
review-partitioning = 동적 파티셔닝: {$details}
review-label-prefix = 접두사
review-label-errors = 오류
review-label-example = 예
review-prefix-default = (기본값 yyyy/MM/dd/HH/)
review-none = (없음)
review-extension = 확장자 {$extension} · 시간대 {$zone}
review-backup = 소스 레코드 백업: {$place}
review-role-create = {$role} (새 역할, Firehose를 신뢰하면 재사용) + 정책 {$policy}
review-role-existing-policy = {$role} (기존 역할) + 정책 {$policy}
review-role-existing = {$role} (기존 역할, 그대로 사용)
review-on = 켜짐
review-off = 꺼짐
review-buffer = 버퍼링 {$size} MiB / {$interval}초 · {$compression} · 오류 로깅 {$logging}
review-s3-encryption = S3 암호화 키 {$key}
review-stream-encryption-aws = 스트림 암호화: AWS 소유 키
review-stream-encryption-key = 스트림 암호화: {$key}
review-tags = 태그 {$tags}
review-role = 역할 {$role}
review-where-label = 생성 위치
review-where = 계정 {$account} · {$region} · 파티션 {$partition}
review-where-unknown = 계정 알 수 없음 · {$region}
review-profile = {" "}· 프로파일 {$profile}
review-endpoint = {" "}· 엔드포인트 {$endpoint}
review-ready = {"   "}✓ 문제 없음: 생성할 준비가 되었습니다
review-warnings = {"   "}~ 경고 {$count}개: 위에 표시된 화면을 보세요
review-create = 생성
review-keys = {"  "}p 정책 · r 요청 · s 계획 저장 · 1-4 편집

## Plan files (plan/mod.rs); serde's own words stay as it says them
plan-one-object = 계획 파일에는 JSON 객체 하나가 들어 있어야 합니다({"{"} "name": ..., "source": ..., ... {"}"})
plan-position = {$line}행 {$column}열: {$detail}
plan-at-path = {$path}: {$message}
plan-unreadable = 계획 파일을 읽을 수 없습니다: {$error}
plan-too-large = 파일 크기가 {$size}바이트입니다. 계획 파일은 최대 {$max}바이트(1 MiB)입니다
plan-too-large-unknown = 파일이 {$max}바이트보다 큽니다. 계획 파일은 최대 {$max}바이트(1 MiB)입니다
plan-not-utf8 = UTF-8 텍스트가 아닙니다(오프셋 {$offset}의 잘못된 바이트): {$line}행 {$column}열의 바이트 {$byte}
plan-utf16 = UTF-8 텍스트가 아닙니다(오프셋 {$offset}의 잘못된 바이트): {$line}행 {$column}열의 바이트 {$byte}. UTF-16 파일로 보입니다. UTF-8로 저장하세요
plan-empty = 파일이 비어 있습니다. 계획 파일에는 JSON 객체 하나가 들어 있어야 합니다({"{"} "name": ..., "source": ..., ... {"}"})
plan-control-character = 제어 문자 {$code}: 계획 파일에 쓸 수 없습니다(문자열 안에서는 이렇게 쓰세요: {$escape})
plan-too-deep = {$max}단계보다 깊게 중첩되었습니다. 계획은 최대 4단계입니다
cli-plan-file-error = 오류: {$path}: {$error}
cli-plan-unreadable = 오류: 계획 파일을 읽을 수 없습니다({$path}): {$error}
cli-no-runtime = 오류: 비동기 런타임을 시작할 수 없습니다: {$error}
cli-error = 오류: {$error}
cli-hint = 힌트: {$hint}
cli-log = 로그: {$path}

## Results of send, smoke-test and status (report.rs)
report-rate = , 초당 {$rate}개
report-retried = . 배치가 실패로 알린 {$count}개를 다시 보냄
report-sent = 레코드 {$total}개 중 {$sent}개를 {$api} 호출 {$calls}번으로 보냄. 대상: {$to} ({$seconds}초{$rate}){$retried}
report-send-retry = 레코드 {$records}개 실패({$code}). {$wait}초 후 다시 보냅니다(진전 없는 시도 최대 {$attempts}번 중 {$attempt}번째)
report-buffer-interval = {" "}(버퍼링 간격 {$seconds}초)
report-waiting = 대기 {$elapsed} / {$timeout}{$buffer} · 레코드 {$expected}개 중 {$arrived}개 도착
report-not-searched = {$kind}, 검색하지 않음
report-test-records = 테스트 레코드 {$count}개
report-not-sent = 레코드 {$total}개 중 {$failed}개를 보내지 못했습니다: {$why} (레코드 번호 {$which})
report-arrived-opaque = ✓ 객체 {$objects}개가 예상한 곳에 도착했습니다. 보낸 지 {$delay}초 후(검색할 수 없는 형식이라 도착으로 셈)
report-arrived = ✓ 레코드 {$sent}개 중 {$arrived}개가 객체 {$objects}개로 도착했습니다. 보낸 지 {$delay}초 후:
report-first-lines = {$object}의 첫 줄:
report-under-one = {" "}({$place} 아래)
report-under-two = {" "}({$place} 또는 {$other} 아래)
report-under-many = {" "}({$place} 외 {$more}곳 아래)
report-none-sent = ✗ 테스트 레코드를 하나도 보내지 못했습니다. 대상: {$to}
report-missing = ✗ {$seconds}초 안에 레코드 {$sent}개 중 {$arrived}개 도착{$under}
report-arrived-expected = 예상한 곳에 도착:
report-arrived-elsewhere = 버킷의 다른 곳에 도착(또는 예상한 확장자 없이 도착):
report-error-objects = 오류 객체:
report-error-objects-holding = 오류 객체(테스트 레코드 {$count}개 포함):
report-error-log = 전송 오류 로그:
report-no-data = 데이터 없음
report-metrics-since = 테스트 시작 이후 지표: 수신 {$incoming}, S3로 전송 {$delivered}
report-nothing-new = 버킷에 새로 도착한 것이 없고, 오류 로그도 비어 있습니다
report-likely-causes = 가능한 원인:
report-note = 참고: {$note}
report-source-kinesis = Kinesis 스트림 {$stream}
report-buffer = 버퍼링 {$size} MiB / {$interval}초
report-converted-to = {$format} 변환
report-dynamic-partitioning = 동적 파티셔닝
report-lambda = Lambda 변환
report-logging-on = 오류 로깅 켜짐
report-logging-off = 오류 로깅 꺼짐
report-failure = 실패: {$failure}
report-label-source = 소스
report-label-destination = 대상
report-label-settings = 설정
report-metrics = 지표, 최근 {$minutes}분(분당 값 하나, 최신 값):
report-none = {"  "}없음
report-newest-objects = 최신 객체(최근 {$minutes}분):
report-could-not-read = 읽지 못함: {$part}

## The data-flow commands (cli/dataflow.rs)
send-file-large = 오류: {$path}: {$max}보다 큽니다. 나누어 보내세요
send-file-unreadable = 오류: 읽을 수 없습니다({$path}): {$error}
send-file-fewer = 참고: {$path}에 레코드가 {$count}개뿐이라 모두 보냅니다
send-marked = 테스트 레코드 표시: {$field}: {$marker}#<번호>
send-no-newline = 스트림이 레코드마다 새 줄을 덧붙이므로 새 줄을 추가하지 않습니다
send-sending-source = 레코드 {$count}개를 보냅니다. 대상: {$to} (Firehose 스트림 {$stream}의 소스)
send-sending = 레코드 {$count}개를 보냅니다. 대상: {$to}
smoke-sending = {$stream} 스모크 테스트: 테스트 레코드 {$records}개를 보냅니다. 대상: {$to}, 표시: {$marker}
smoke-looking = 찾는 곳: {$place}

## The commands (cli/*.rs, main.rs)
cli-no-state-dir = 오류: firehose-wizard가 생성한 것을 기록할 저널의 상태 디렉터리가 없습니다. HOME 또는 XDG_STATE_HOME을 설정하세요
cli-no-signals = 오류: 시그널을 받을 수 없습니다: {$error}
validate-prefix-example = 접두사 예: {$key}
validate-error-prefix-example = 오류 출력 접두사 예: {$key}
init-wrote = {$path} 작성함 (버킷 {$bucket})
init-exists = 오류: {$path}: 이미 있습니다. 덮어쓰려면 --force를 지정하세요
init-unwritable = 오류: 쓸 수 없습니다({$path}): {$error}
apply-interrupted = firehose-wizard: {$signal} 시그널을 받았습니다. 진행 중이던 호출은 중단했고, 무엇이 있는지 확인합니다(시그널을 한 번 더 받으면 바로 종료)
apply-interrupted-again = 다시 중단됨
apply-next-direct-put = 다음: firehose-wizard smoke-test {$plan}: Firehose 스트림 {$stream}에 테스트 레코드를 보내고 s3://{$bucket}/에 도착하는 것을 보여 줍니다
apply-next-kinesis = 다음: firehose-wizard smoke-test {$plan}: Kinesis 스트림 {$stream}에 테스트 레코드를 보내고 s3://{$bucket}/에 도착하는 것을 보여 줍니다
apply-resume = 원인을 고친 뒤 이어서 하려면: firehose-wizard apply {$plan}
apply-retry = 재시도
apply-waiting = 대기
apply-retry-now = 지금
apply-retry-in = {$seconds}초 후
apply-retrying = {$attempt}번째 시도 실패, {$when} 재시도: {$reason}
apply-sdk-retry = {$operation} 시도 {$attempts}번 중 {$attempt}번째: {$reason}. SDK가 재시도합니다
apply-step-failed = 오류: {$number}/{$steps}단계({$step}) 실패: {$error}
apply-request-id = 요청 ID: {$id}
apply-nothing-exists = 이번 실행으로 생긴 것은 없습니다. 생성하거나 재사용한 리소스가 없습니다
apply-what-exists = 지금 있는 것:
apply-nothing-ours = firehose-wizard가 생성한 것은 없습니다
apply-journal = 저널: {$path}
destroy-no-record = 계정 {$account}({$region})의 스트림 {$stream}에 대해 firehose-wizard가 생성한 기록이 없습니다. 삭제할 것이 없습니다
destroy-journal = 저널: {$path}
destroy-left-alone = 그대로 둠(firehose-wizard가 생성하지 않은 것): {$resources}
destroy-dry-run = 시험 실행: 아무것도 바꾸지 않았습니다
destroy-done = 스트림 {$stream}에 대해 firehose-wizard가 생성한 것은 하나도 남지 않았습니다
destroy-remain = 리소스 {$count}개가 남았습니다. 저널에 아직 있으므로 destroy를 다시 실행할 수 있습니다
removal-deleted = 삭제됨
removal-deleted-detail = {$what} ({$seconds}초)
removal-gone = 이미 없음
removal-gone-detail = {$what} (이미 삭제됨)
removal-would-keep = 남길 것
removal-would-keep-detail = {$what}: 객체 {$count}개가 들어 있습니다(--with-objects는 객체와 버킷을 삭제합니다)
removal-would-delete = 삭제할 것
removal-would-delete-objects = {$what} 및 그 안의 객체 {$count}개
removal-emptying = 비우는 중
removal-emptying-detail = {$what}: 객체 {$count}개를 삭제하는 중
removal-kept = 남김
removal-failed = 실패
wizard-needs-terminal = 마법사에는 터미널이 필요합니다(stdin과 stdout이 둘 다 TTY가 아님). 스크립트에서는 `firehose-wizard validate PLAN`과 `firehose-wizard apply PLAN`을 쓰세요
watch-needs-terminal = watch에는 터미널이 필요합니다(stdin과 stdout이 둘 다 TTY가 아님). 스크립트에서는 `firehose-wizard status --json`을 쓰세요
panic = firehose-wizard: 내부 오류: {$message}. 알려 주세요
panic-with-log = firehose-wizard: 내부 오류: {$message} (자세한 내용: {$path}). 알려 주세요
log-unopenable = 경고: 로그 파일을 열 수 없습니다({$path}): {$error}. 로그 없이 계속합니다

## --help of the command line (cli/args.rs)
cli-about = Amazon Data Firehose 스트림을 생성합니다(소스: Direct PUT 또는 Kinesis 데이터 스트림, 대상: Amazon S3). 리소스를 만들기 전에 AWS 규칙에 맞는지 먼저 검사합니다.
cli-after-help = 명령 없이 실행하면 대화형 마법사가 시작됩니다: 터미널의 다섯 화면(--lab, --plan 참고).
cli-heading-usage = 사용법:
cli-heading-commands = 명령
cli-heading-arguments = 인수
cli-heading-options = 옵션
cli-arg-profile = 사용할 AWS 프로파일(기본값: SDK의 체인, 즉 AWS_PROFILE, 그다음 "default")
cli-arg-region = 생성할 AWS 리전(기본값: AWS_REGION 또는 프로파일의 region)
cli-arg-endpoint-url = 모든 AWS 호출을 이 엔드포인트로 보냅니다. 예: 로컬 에뮬레이터(기본값: 설정되어 있으면 AWS_ENDPOINT_URL)
cli-arg-log-file = 로그를 쓸 곳(기본값: $XDG_STATE_HOME/firehose-wizard/firehose-wizard.log)
cli-arg-call-timeout = AWS 호출의 한 시도가 SECS초 동안 응답이 없으면 포기하고 재시도합니다(기본값 30)
cli-arg-lang = 화면과 메시지의 언어: en 또는 ko(기본값: LC_ALL, LC_MESSAGES, LANG)
cli-arg-no-color = 마법사와 watch: 색을 쓰지 않습니다(NO_COLOR가 설정되어 있을 때도 마찬가지). 포커스와 오류는 반전 표시와 기호로 구분됩니다
cli-wizard-plan = 마법사: 이 계획 파일에서 시작
cli-wizard-lab = 마법사: 워크숍의 값으로 시작(버킷 이름 접미사는 새로 임의 생성)
cli-help-flag = 도움말 출력
cli-version-flag = 버전 출력
cli-help = 이 메시지 또는 주어진 하위 명령의 도움말 출력
cli-validate = 계획 파일을 AWS 규칙으로 확인하고 접두사가 만드는 S3 키를 보여 줍니다
cli-validate-plan = 계획 파일(JSON, README의 "Plan file" 참고)
cli-validate-at = 예시 키를 지금 대신 이 시각으로 평가합니다(RFC 3339, 예: 2026-11-26T10:30:00Z)
cli-apply = 계획 파일을 확인한 뒤, 설명된 것 중 아직 없는 것을 단계별로 생성합니다. 확인 질문 없이 진행합니다. 다시 실행하면 일치하는 것은 재사용하고 새로 생성하지 않습니다
cli-apply-plan = 계획 파일(JSON, README의 "Plan file" 참고)
cli-destroy = firehose-wizard가 계획의 스트림을 위해 생성한 것을(저널에 따라) 최근에 만든 것부터 삭제합니다. 원래 있던 것은 삭제하지 않습니다
cli-destroy-plan = 적용했던 계획 파일
cli-destroy-dry-run = 삭제할 것을 나열만 하고 아무것도 바꾸지 않습니다
cli-destroy-with-objects = firehose-wizard가 생성한 버킷의 객체도 삭제합니다(이 옵션이 없으면 비어 있지 않은 버킷은 남깁니다)
cli-send = 테스트 레코드(워크숍의 소매 거래, 표시 포함) 또는 JSON Lines 파일의 줄을 Firehose 스트림으로 보냅니다: Kinesis 소스로, 또는 Direct PUT이면 Firehose로
cli-send-records = 테스트 레코드 수(기본값 10). --file과 함께 쓰면 파일에서 보낼 최대 줄 수
cli-send-file = 테스트 레코드 대신 이 JSON Lines 파일의 줄을 한 줄에 레코드 하나로 보냅니다
cli-stream-plan = 계획 파일: 그 Firehose 스트림(`name`)
cli-stream-stream = 이 계정과 리전의 Firehose 스트림 이름(firehose-wizard가 생성하지 않은 스트림도 가능)
cli-smoke-test = 표시한 테스트 레코드를 보낸 뒤, Firehose가 넣어야 할 곳에 도착할 때까지 버킷을 지켜봅니다(종료 코드 0). 도착하지 않으면 대신 무슨 일이 있었고 왜인지 알려 줍니다(종료 코드 1)
cli-smoke-test-records = 테스트 레코드 수(기본값 10)
cli-smoke-test-timeout = SECS초 후 포기합니다(기본값: 버퍼링 간격 + 3분)
cli-status = 스트림 상태를 한 번 출력합니다: 상태, 소스와 대상, 최근 1시간의 지표, 최신 객체, 오류 객체, 오류 로그 이벤트
cli-status-json = 스크립트용 JSON으로
cli-watch = 스트림의 실시간 보기: 지표, 최신 객체, 오류. t는 스모크 테스트를 실행합니다
cli-init = 시작용 계획 파일을 씁니다
cli-init-lab = "Analytics on AWS immersion day" 실습의 값(버킷 이름 접미사는 새로 임의 생성)
cli-init-output = 표준 출력 대신 이 파일에 씁니다
cli-init-bucket-suffix = 임의 접미사 대신 이 버킷 이름 접미사를 씁니다
cli-init-force = FILE이 있으면 덮어씁니다

## JSON Lines files for send --file (plan/records.rs)
lines-at = {$line}행: {$message}
lines-not-utf8 = UTF-8 텍스트가 아닙니다(바이트 {$byte})
lines-not-json = JSON 값 하나가 아닙니다: {$error}
lines-too-large-newline = 새 줄 포함 {$size}바이트입니다. 레코드 하나는 최대 {$max}바이트입니다
lines-too-large = {$size}바이트입니다. 레코드 하나는 최대 {$max}바이트입니다
lines-empty = 레코드가 없습니다(모든 줄이 비어 있음)

## The watch view (tui/watch.rs, tui/screens/watch.rs)
watch-title = {" "}모니터링 · {$stream}
watch-loading = 불러오는 중…
watch-refreshing = 새로 고치는 중…
watch-updated = {$seconds}초 전 갱신
watch-reading = {" "}스트림, 지표, 버킷을 읽는 중…
watch-last-minutes = 최근 {$minutes}분
watch-spark-hint = 한 칸이 1분
watch-spark-hint-pan = 한 칸이 1분 · ←→ 구간 이동
watch-metrics = {" "}지표:{" "}
watch-latest = 최신 값
watch-no-metrics = {" "}지표를 읽지 못했습니다
watch-refresh-failed = {" "}! 새로 고침 실패: {$error}
watch-could-not-read = {" "}! 읽지 못함: {$parts}
watch-age-unknown = ?
watch-age-seconds = {$n}초 전
watch-age-minutes = {$n}분 전
watch-age-hours = {$n}시간 전
watch-log-line = {" "}! 로그 {$at}  {$event}
watch-verdict-log-line = {" "}! 로그 {$at} {$event}
watch-earlier = {$root} (이전 {$count}곳 더)
watch-newest-objects = {" "}최신 객체 ({$count})
watch-under = {"  "}위치: {$root}
watch-no-objects = {" "}최근 {$minutes}분 동안 없음: t는 테스트 레코드를 보내고 도착을 지켜봅니다
watch-no-errors = {" "}✓ 최근 {$minutes}분 동안 오류 객체나 오류 로그 이벤트 없음
watch-errors = {" "}오류 ({$count})
watch-smoke-title-running = {" "}스모크 테스트 · 실행 중
watch-smoke-title-failed-to-run = {" "}스모크 테스트 · 실행하지 못함
watch-smoke-title-passed = {" "}스모크 테스트 · 통과
watch-smoke-title-failed = {" "}스모크 테스트 · 실패
watch-more-verdict = {" "}… v는 전체 결과를 보여 줍니다
watch-elsewhere = {" "}버킷의 다른 곳에 도착:
watch-error-object = {" "}! 오류 객체 {$error}
watch-smoke-running = 스모크 테스트가 실행 중입니다. 결과는 여기에 나옵니다
watch-smoke-abandoned-sent = 결과가 나오기 전에 스모크 테스트를 멈췄습니다. 테스트 레코드 {$count}개(표시 {$marker})는 이미 보냈습니다
watch-smoke-abandoned = 결과가 나오기 전에 스모크 테스트를 멈췄습니다
watch-smoke-sending = 테스트 레코드 {$records}개를 보냅니다. 대상: {$to}, 표시: {$marker}
watch-preview-failed = 읽지 못함({$key}): {$error}
watch-verdict-title = 스모크 테스트 결과
watch-no-verdict = 아직 결과가 없습니다. t는 스모크 테스트를 실행합니다
watch-no-object = 미리 볼 객체가 아직 없습니다
watch-leave-running = 스모크 테스트가 실행 중입니다. {$key} 키를 한 번 더 누르면 테스트를 멈추고 나갑니다(레코드는 이미 보냈습니다)

## Lists to choose from (tui/widgets/picker.rs)
picker-loading = 불러오는 중…
picker-empty = 이 계정과 리전에 없음
picker-no-match = 필터에 맞는 것이 없음
picker-failed = ! 목록을 가져오지 못함: {$error}
picker-loading-more = 더 불러오는 중…
picker-keys = Enter 선택 · Esc 닫기 · Ctrl-R 다시 불러오기

## Lists to choose from: the frame
picker-title = {" "}{$list} · {$total}개 중 {$shown}개{" "}
picker-filter = 필터:{" "}

## The lists of the account (cloud/inventory.rs)
mode-on-demand = 온디맨드
mode-provisioned = 프로비저닝됨
role-trusts-firehose = Firehose 신뢰함
role-does-not-trust-firehose = Firehose 신뢰 안 함

## Key names that are words
key-name-type = 입력
key-name-down-or-slash = ↓ 또는 /

## Saving the plan from Review (tui/wizard.rs)
status-saved = 계획을 저장했습니다: {$path}. 나중에 적용하려면: firehose-wizard apply {$path}
status-save-failed = 계획을 저장하지 못했습니다: {$error}

## An error and what to do, on one line
error-with-hint = {$error}. {$hint}

## What the system says of a file (plan/msg.rs Msg::io)
# 시스템의 영어 문구($text)는 보여 주지 않습니다: {$text -> *[other] {""}}는 아무것도 출력하지 않습니다
io-not-found = 파일이나 디렉터리가 없습니다{$text ->
   *[other] {""}
}
io-permission-denied = 권한이 없습니다{$text ->
   *[other] {""}
}
io-is-a-directory = 디렉터리입니다{$text ->
   *[other] {""}
}
io-not-a-directory = 경로의 일부가 디렉터리가 아닙니다{$text ->
   *[other] {""}
}
io-already-exists = 이미 있습니다{$text ->
   *[other] {""}
}
io-read-only = 읽기 전용 파일 시스템입니다{$text ->
   *[other] {""}
}
io-storage-full = 장치에 남은 공간이 없습니다{$text ->
   *[other] {""}
}

## A bad command line (cli/args.rs; English is clap's own)
clap-unknown-argument = 알 수 없는 인수: {$arg}
clap-unknown-command = 알 수 없는 명령: {$command}
clap-invalid-value = {$arg}의 값이 올바르지 않습니다: {$value}
clap-invalid-value-of = {$arg}의 값이 올바르지 않습니다: {$value} (가능한 값: {$valid})
clap-missing-argument = 필수 인수가 없습니다: {$args}
clap-conflict = {$arg}: 함께 쓸 수 없는 인수가 있습니다: {$other}
clap-value-count = {$arg}의 값 개수가 올바르지 않습니다
clap-did-you-mean = 참고: 비슷한 인수가 있습니다: {$suggestion}
clap-more = 자세한 내용은 '--help'를 보세요.

## A bad command line: a command like the one typed
clap-did-you-mean-command = 참고: 비슷한 명령이 있습니다: {$suggestion}

## A permission a role lacks (plan/policy.rs)
missing-permission = {$action} → {$resource}

## CloudWatch Logs decompression and the new line delimiter (issue 12)
field-decompression = CloudWatch Logs 압축 해제
field-message-extraction = 메시지 추출
note-decompression = CloudWatch Logs 구독 필터 전용: Firehose가 레코드의 압축을 풀고, 다른 생산자의 쓰기는 거부합니다
note-message-extraction = 각 로그 이벤트의 메시지만 전송합니다(소유자, 로그 그룹, 로그 스트림 등 봉투 정보 제외)
rule-decompression-kinesis = AWS는 압축 해제를 스트림에 직접 쓰는 CloudWatch Logs 구독 필터(Direct PUT)에 대해서만 문서화합니다. Kinesis 소스에서의 동작은 문서화되어 있지 않습니다
review-decompression = CloudWatch Logs 압축 해제
review-decompression-extraction = CloudWatch Logs 압축 해제 · 메시지 추출
review-new-line-delimiter = 레코드마다 새 줄
sink-decompression = Firehose 스트림 {$name}: CloudWatch Logs 레코드의 압축을 풉니다. Firehose는 테스트 레코드를 포함해 다른 생산자의 레코드를 거부합니다
sink-decompression-hint = 테스트하려면 CloudWatch Logs 구독 필터로 로그 이벤트를 보내세요

## export (cli/plans.rs, cli/args.rs)
export-token = 오류: 계획의 값에 내보내기 도구가 자체적으로 쓰는 {$token} 문자열이 있습니다
export-wrote = {$path} 작성함
cli-export = 계획을 AWS CLI 명령(bash 스크립트), CloudFormation 템플릿 또는 Terraform 구성으로 씁니다. apply가 생성하는 것과 같습니다
cli-export-plan = 계획 파일(JSON, README의 "Plan file" 참고)
cli-export-format = cli, cloudformation 또는 terraform
cli-export-output = 표준 출력 대신 이 파일에 씁니다
cli-export-force = FILE이 있으면 덮어씁니다

## import (plan/import.rs, cli/plans.rs, cli/args.rs)
import-cannot-hold = {$path} = {$value}: 계획에 담을 수 없는 설정입니다
import-disabled = {$path}: 꺼져 있으며, 계획에 담기지 않는 설정이 있습니다
import-other-role = {$path} = {$value}: 계획은 모든 곳에 대상의 역할 하나({$role})를 사용합니다
import-log-elsewhere = {$path} = {$value}: 계획은 오류를 {$planned}에 기록합니다
import-rule = {$path}: {$problem}
import-source-unsupported = 스트림의 소스 유형: {$kind}. 계획에는 Direct PUT 또는 Kinesis 데이터 스트림 소스만 담을 수 있습니다
import-destination-unsupported = 스트림의 대상: {$kind}. 계획에는 Amazon S3 대상만 담을 수 있습니다
import-not-found = 오류: 이 계정과 리전에는 {$name} 전송 스트림이 없습니다
import-lost-error = 오류: {$item}
import-lost-warning = 경고: {$item}
import-lossy-hint = 계획에 담을 수 없는 {$name} 스트림 설정이 {$count}개 있어 아무것도 쓰지 않았습니다. 이 설정을 빼고 계획을 쓰려면 --lossy를 지정하세요
cli-import = 기존 전송 스트림의 계획을 씁니다. 버킷, 역할, 소스는 기존 것으로 참조하며, 이 계획을 apply하면 스트림을 그대로 재사용합니다
cli-import-name = 전송 스트림 이름
cli-import-lossy = 계획에 담을 수 없는 설정이 스트림에 있어도 계획을 씁니다(그 설정은 경고로 표시)

## import flags and the wizard's clone (cli/args.rs)
cli-import-output = 표준 출력 대신 이 파일에 씁니다
cli-import-force = FILE이 있으면 덮어씁니다
cli-wizard-from-stream = 기존 전송 스트림의 설정으로 시작합니다. 복사본의 이름은 비워 둡니다

## the export view on Review (tui/export_view.rs, screens/export.rs)
export-view-lines = · {$line}/{$lines}줄{" "}
key-short-export = 내보내기
key-help-export-as-aws-cli-cloudformation-or-terraform = AWS CLI, CloudFormation 또는 Terraform으로 내보내기
key-short-format = 형식
key-help-export-format = 내보내기 형식: AWS CLI, CloudFormation, Terraform
key-help-save-the-export = 현재 디렉터리에 저장(기존 파일은 덮어쓰지 않음)
status-export-saved = 내보낸 내용을 저장했습니다: {$path}

## the wizard's --from-stream (tui/wizard.rs)
status-copied-from = {$name} 전송 스트림의 복사본입니다. 이름을 지정하세요
copied-title = {$name}의 복사본
copied-lost = 계획에 담을 수 없어 복사본에서 빠진 {$name} 설정 {$count}개:

## error log streams of any name (plan settings.error_log_stream / backup_log_stream)
field-log-stream = 로그 스트림
field-log-stream-hint = S3Delivery(콘솔: DestinationDelivery)
field-backup-log-stream = 백업 로그 스트림
field-backup-log-stream-hint = S3Backup(콘솔: BackupDelivery)
what-log-stream = 로그 스트림
what-backup-log-stream = 백업 로그 스트림
rule-log-stream-chars = {$what} 이름에는 ':'와 '*'를 쓸 수 없습니다({$position}번째 문자)
rule-log-stream-unused = 사용되지 않음: 오류 로깅이 꺼져 있거나 백업이 없습니다

## the export view of a plan with problems (tui/export_view.rs)
export-view-problems = 계획에 문제가 있습니다. 문제를 고치면 내보낼 수 있습니다:
export-view-nothing-to-save = 저장할 내용 없음: 계획에 문제가 있습니다

## one run per stream (cloud/journal.rs)
journal-locked = 다른 firehose-wizard가 이 스트림에서 작업 중이며(PID {$pid}: {$command}) {$seconds}초 안에 끝나지 않았습니다
journal-locked-unknown = 다른 firehose-wizard가 이 스트림에서 작업 중이며 {$seconds}초 안에 끝나지 않았습니다
hint-journal-locked = 여기서는 아무것도 변경하지 않았습니다. 다른 실행이 끝난 후 다시 실행하세요(강제로 종료되어도 잠금은 함께 풀립니다)

## no silent failure in the wizard (tui/app.rs)
app-task-panicked = 백그라운드 작업 실패(자세한 내용: {$log}): {$message}
app-task-panicked-no-log = 백그라운드 작업 실패: {$message}
app-task-panicked-hint = 생성된 항목은 저널에 있습니다. firehose-wizard destroy --dry-run PLAN으로 확인하세요
status-remove-failed = 아무것도 제거하지 않았습니다: {$error}. firehose-wizard가 생성한 항목은 목록에 그대로 있습니다(d로 다시 시도)

## proven ownership, shared roles, adoption (issue 24; cloud/ownership.rs, destroy, the role step)
own-no-identity = 저널에 이것을 식별하는 기록이 없어서(이전 버전의 firehose-wizard가 썼거나 직접 고친 저널) firehose-wizard가 만든 것임을 증명할 수 없습니다. 본인 것이면 직접 삭제하세요
own-other-created = firehose-wizard가 {$recorded}에 만든 {$kind}가 아닙니다. 이것은 {$seen}에 만들어졌습니다
own-other-id = firehose-wizard가 만든 {$kind}({$recorded})가 아닙니다. 이것은 {$seen}입니다
own-other-role-policy = 같은 이름의 다른 역할(RoleId {$seen}, {$recorded} 아님)에 붙어 있습니다. firehose-wizard가 붙인 역할이 아닙니다
own-policy-name = firehose-wizard는 정책 이름을 firehose-wizard-리전-스트림으로 짓습니다. 저널이 다른 이름을 가리키므로 직접 고친 저널입니다
own-tag-other = 태그 {$key}가 다른 저널({$seen})을 가리킵니다
own-untagged = firehose-wizard의 태그 {$key}={$value}가 없어서(태그가 바뀜) firehose-wizard가 만든 것임을 증명할 수 없습니다. 본인 것이면 직접 삭제하세요
own-unanswered-other = 생성 호출이 응답하지 않았고, 이것은 다른 누군가의 것입니다. 그 호출 전에 만들어졌거나 다른 저널의 태그가 붙어 있습니다
destroy-kept-used-by = Firehose 스트림 {$count}개({$streams})가 이 {$kind}를 사용합니다
destroy-will = destroy가 리소스 {$count}개를 삭제하고, 남김으로 표시된 것은 남깁니다:
destroy-ask = {$count}개를 삭제할까요? y를 입력하고 Enter를 누르세요(다른 입력은 아무것도 바꾸지 않습니다):
destroy-declined = 아무것도 삭제하지 않았습니다
cli-destroy-yes = 삭제하기 전에 묻지 않습니다(터미널에서는 삭제할 것과 남길 것을 나열한 뒤 묻습니다)
bucket-owned-before = CreateBucket이 {$bucket}에 대해 성공으로 응답했지만, S3에 따르면 이 버킷은 이번 실행이 이름이 비어 있음을 확인한 때({$free})보다 앞선 {$created}에 만들어졌습니다. firehose-wizard가 만든 버킷이 아니라 이 계정의 버킷입니다
bucket-owned-before-hint = apply를 다시 실행하세요. 그러면 버킷을 그대로 사용합니다(destroy는 이 버킷을 삭제하지 않습니다)
role-trust-extra = 역할 {$arn}이(가) 이미 있고, 신뢰 정책이 (이 계정의) Firehose 말고도 다음이 역할을 수임하게 합니다({$count}개): {$principals}. 재사용하면 이들이 이 스트림의 정책이 주는 권한을 얻습니다
role-trust-extra-hint = firehose-wizard가 만들 다른 역할 이름을 고르거나(settings.role {"{"}"create": 이름{"}"}), 그 주체들이 이 스트림의 권한을 가져도 된다면 {"{"}"existing": "{$arn}"{"}"}와 settings.add_policy_to_role로 일부러 지정하세요
role-note-extra = 경고: 신뢰 정책이 다음 {$count}개 주체도 이 역할을 수임하게 합니다: {$principals}
role-note-shared = Firehose 스트림 {$count}개({$streams})와 공유함: 한 역할을 쓰는 스트림은 그 역할의 모든 정책이 주는 권한을 쓸 수 있습니다
detail-with-note = {$detail}. {$note}
rule-tags-count-own = 태그는 최대 {$max}개입니다(Firehose 스트림은 50개까지 가지며 firehose-wizard가 자신의 firehose-wizard:journal 태그를 더합니다). 현재 {$n}개입니다
rule-tag-key-ours = 태그 키 {$key}: "firehose-wizard:"로 시작하는 키는 firehose-wizard 전용입니다(생성한 것에 붙입니다)
own-bucket-moved = 생성 날짜가 firehose-wizard가 만들 때의 {$recorded}가 아니라 {$seen}입니다. S3는 버킷 정책을 고치면 날짜를 바꾸지만 새로 만든 버킷도 날짜가 다르므로 firehose-wizard가 만든 것임을 증명할 수 없습니다. 본인 것이면 직접 삭제하세요
form-role-extra = 이 이름의 역할이 이미 있고, 신뢰 정책이 다른 주체도 수임하게 합니다: {$principals}. 재사용하면 이들이 이 스트림의 권한을 얻습니다. 다른 이름을 고르거나, 일부러 기존 역할로 선택하세요
form-role-extra-chosen = 일부러 선택함: 신뢰 정책이 다음도 이 스트림의 권한으로 수임하게 합니다: {$principals}
form-role-shared = Firehose 스트림 {$count}개({$streams})와 공유함: 이 역할을 쓰는 스트림은 그 역할의 모든 정책이 주는 권한을 쓸 수 있습니다
note-role-reused = 이 이름의 역할이 이미 있고 (이 계정의) Firehose만 수임할 수 있습니다. 이 스트림의 정책을 더해 재사용합니다
detail-source-key = 원본 스트림이 KMS 키 {$key}로 암호화되어 있습니다. 역할의 정책이 이 스트림에 한해 Kinesis를 통해 Firehose가 복호화하도록 허용합니다(키 자체의 정책이 IAM 정책으로 이를 허용할 수 있어야 하며, 기본 키 정책은 허용합니다)
