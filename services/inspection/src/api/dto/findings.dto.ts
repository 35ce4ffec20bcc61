import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { describeValidator, Optional } from '@relapse-watch/service-runtime';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsString,
  Length,
  MaxLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';

// Integers are amounts (fen) and counts: whole, not negative, exact in a double.
const ANSWER_VALUE = {
  anyOf: [
    { type: 'boolean' },
    { type: 'string', maxLength: 2000 },
    { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
  ],
};
const ANSWERS_SCHEMA = { type: 'object', maxProperties: 100, additionalProperties: ANSWER_VALUE };
describeValidator('isAnswers', ANSWERS_SCHEMA);

/** Answers by question id: yes-no, an option or a text, or an integer (fen, count); checked against the checklist later. */
function IsAnswers(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isAnswers',
      validator: {
        validate: (value: unknown) =>
          typeof value === 'object' &&
          value !== null &&
          !Array.isArray(value) &&
          Object.keys(value).length <= 100 &&
          Object.values(value).every(
            (v) =>
              typeof v === 'boolean' ||
              (Number.isSafeInteger(v) && (v as number) >= 0) ||
              // JSON Schema's maxLength counts code points, as officials' texts are read.
              (typeof v === 'string' && (v.length <= 2000 || [...v].length <= 2000)),
          ),
        defaultMessage: () =>
          '答案须为按问题编号列出的是否、选项、文本或非负整数 / answers map question ids to yes-no, an option, a text or a whole number ≥ 0',
      },
    },
    options,
  );
}

/** What one contact found in one area. */
export class AreaFindingsDto {
  @ApiProperty({
    description:
      '按问题编号的答案（按活动的清单校验）/ answers by question id (checked against the campaign’s checklist)',
    type: 'object',
    maxProperties: 100,
    additionalProperties: ANSWER_VALUE,
  })
  @IsAnswers()
  answers!: Record<string, boolean | string | number>;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: 2000,
    description: '备注（不进入集成事件）/ free note (never in an integration event)',
  })
  @ValidateIf((o: AreaFindingsDto) => o.note !== undefined && o.note !== null)
  @IsString()
  @MaxLength(2000)
  note?: string | null;

  @ApiPropertyOptional({
    type: [String],
    maxItems: 20,
    description: '佐证材料编号（照片、文书）/ evidence references (photos, documents)',
  })
  @Optional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  evidence?: string[];
}

const area = (zh: string, en: string) =>
  ApiPropertyOptional({ type: AreaFindingsDto, description: `${zh} / ${en}` }) as PropertyDecorator;

/** The findings of one contact by area; an area left out was not asked this time. */
export class FindingsDto {
  @area('返贫致贫风险', 'relapse risk')
  @Optional()
  @ValidateNested()
  @Type(() => AreaFindingsDto)
  'relapse-risk'?: AreaFindingsDto;

  @area('收入情况', 'income')
  @Optional()
  @ValidateNested()
  @Type(() => AreaFindingsDto)
  income?: AreaFindingsDto;

  @area('帮扶措施落实', 'assistance measures')
  @Optional()
  @ValidateNested()
  @Type(() => AreaFindingsDto)
  'assistance-measures'?: AreaFindingsDto;

  @area('风险消除稳定性', 'stability of risk elimination')
  @Optional()
  @ValidateNested()
  @Type(() => AreaFindingsDto)
  'elimination-stability'?: AreaFindingsDto;

  @area('重大风险隐患', 'latent risks')
  @Optional()
  @ValidateNested()
  @Type(() => AreaFindingsDto)
  'latent-risks'?: AreaFindingsDto;

  @area('数据质量', 'data quality')
  @Optional()
  @ValidateNested()
  @Type(() => AreaFindingsDto)
  'data-quality'?: AreaFindingsDto;

  @area('政策知晓', 'policy awareness')
  @Optional()
  @ValidateNested()
  @Type(() => AreaFindingsDto)
  'policy-awareness'?: AreaFindingsDto;
}
